from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from core.site_address import absolute_url


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
