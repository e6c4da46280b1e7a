from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from core.listings import OrderedListing, page_of
from network.models import directory_of
from pagecache.data import cached_per_generation
from pagecache.versions import every_section

from .backends import search_backend_for
from .limits import query_too_long
from .results import (
    SearchResult,
    extracts,
    promoted_pages,
    ranked_ids,
    ranking_key,
    search_pages,
    searchable_pages,
    with_event_dates,
)

RESULTS_PER_PAGE = 10


# Never from a cache (the page cache, a CDN): each search counts for Reports → Search terms.
@never_cache
def search(request):
    query_string = visitor_query(request)
    context = {"search_query": query_string}
    if refusal := query_too_long(query_string):
        context["search_refusal"] = refusal
        return TemplateResponse(request, "search/search.html", context, status=400)
    if query_string:
        context |= results_context(query_string, active_locale(), request)
    if settings.STATIC_ARCHIVE:  # the archive's search page links the directory without JS
        context["directory"] = directory_of(active_locale())
    return TemplateResponse(request, "search/search.html", context)


def active_locale():
    """The visitor's Locale, kept until the next change of content (a locale added)."""
    language = translation.get_language()
    return cached_per_generation(f"pagecache:locale:{language}", Locale.get_active, sections=())


def visitor_query(request):
    """The words typed in the search box, without surrounding spaces. (A NUL character never
    gets here: liaise.middleware.MalformedAddressMiddleware answers 400.)"""
    return request.GET.get("q", "").strip()


def results_context(query_string, locale, request):
    """Promoted pages (first page only), then one page of the other results, all with extracts.
    Each search is counted once, on its first page, for the admin's "Search terms" report."""
    query = Query.get(query_string)
    backend_name = search_backend_for(locale.language_code)
    pages = searchable_pages(locale)
    promoted = list(promoted_pages(pages, query))
    found = search_pages(pages, query_string, backend_name, excluding=[p.pk for p in promoted])
    ranking = OrderedListing(
        ranking_key(query_string, backend_name, locale, promoted),
        pages,
        every_section(),
        lambda: ranked_ids(found),
    )
    results_page = page_of(ranking, RESULTS_PER_PAGE, request)
    if results_page.number == 1:
        query.add_hit()
    else:
        promoted = []
    shown = with_event_dates([*promoted, *results_page])
    promoted, found_pages = shown[: len(promoted)], shown[len(promoted) :]
    page_extracts = extracts(shown, query_string, backend_name)
    return {
        "results_page": results_page,
        "promoted_results": [
            SearchResult(page, page.promotion_description or page_extracts.get(page.pk, ""))
            for page in promoted
        ],
        "search_results": [
            SearchResult(page, page_extracts.get(page.pk, "")) for page in found_pages
        ],
    }
