from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Site
from wagtail.views import serve_chain

from core.site_address import absolute_url

from .navigation import routing_home


def serve(request, path):
    """Wagtail's serve view (wagtail.views.serve: the same hooks, in the same order), routing
    from the home page of the request's site and language as the page cache keeps it, instead
    of finding it again with two or three queries a request (docs/performance.md)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    home = routing_home(site, translation.get_language())
    page, args, kwargs = home.route(request, [part for part in path.split("/") if part])

    on_serve_chain = serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = hook(on_serve_chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def robots_txt(request):
    """Crawlers may read every public page but neither the admin nor search results."""
    context = {
        "search_paths": [search_path(code) for code, _name in settings.LANGUAGES],
        "sitemap_url": absolute_url(reverse("sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def search_path(language_code):
    """The search page's address in a language: its own words (/fr/recherche/)."""
    with translation.override(language_code):
        return reverse("search")
