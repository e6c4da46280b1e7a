"""Which Wagtail site and which home page a request is for, without a query.

For every page Wagtail first finds the request's Site (a query), then the active Locale (a
query), then the site's root page in that language (a query for a translation) and its specific
page (a query), before routing the path below it. Sites, locales and home pages change seldom:
the answers are cached until the next change of content (a site, locale or page saved:
pagecache.signals), so that a page costs only the queries of its own content."""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import Http404
from django.utils import translation
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from pagecache.cache import cached_per_generation
from pagecache.middleware import is_excluded_path


class CachedSiteMiddleware:
    """Before the view: sets `request._wagtail_site`, which Site.find_for_request reads first,
    and for Wagtail's page view `request._wagtail_route_for_request`, which
    Page.route_for_request reads first: the route from the cached home page (HomePage.route,
    home/routing.py). After PageCacheMiddleware (which reads the cache's generation) and
    LocaleMiddleware (which activates the language of the address)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_excluded_path(request.path_info):
            return None  # the admin, documents, /healthz: Wagtail's own lookups
        try:
            host = request.get_host().lower()
        except DisallowedHost:
            return None  # CommonMiddleware answers 400; no cache entry for unknown hosts
        try:
            site = request._wagtail_site = cached_per_generation(
                f"pagecache:site:{host}:{request.get_port()}",
                lambda: Site.find_for_request(request),
            )
            if view_func is wagtail_serve and site is not None:
                path = view_kwargs.get("path", view_args[0] if view_args else "")
                request._wagtail_route_for_request = route(request, language_root(site), path)
        except DatabaseError:
            # Left to the view, whose error DatabaseUnavailableMiddleware turns into a 503.
            for name in ("_wagtail_site", "_wagtail_route_for_request"):
                request.__dict__.pop(name, None)
        return None


def route(request, root, path):
    try:
        return root.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None


def language_root(site):
    """`site.root_page.localized.specific`, as Page.route_for_request starts from: the root
    page's live translation in the active language, or the root page itself."""
    language = translation.get_language()

    def find():
        return site.root_page.localized.specific

    return cached_per_generation(f"pagecache:root:{site.pk}:{language}", find)
