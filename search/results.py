"""What the search page finds and shows: live, public pages in the visitor's language, searched
through that language's backend, each with its type and an extract of the matching passage."""

import hashlib
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.querysets import public_for_search
from events.models import EVENT_KINDS, SeminarPage, TrainingSessionPage, event_dates
from network.models import PartnerPage
from news.models import NewsPage
from pilots.models import PilotProjectPage
from resources.models import ResourcePage

RESULT_TYPES = {
    PartnerPage: _("Partner"),
    SeminarPage: _("Seminar"),
    TrainingSessionPage: _("Training session"),
    PilotProjectPage: _("Pilot project"),
    NewsPage: _("News"),
    ResourcePage: _("Resource"),
}
OTHER_RESULT_TYPE = _("Page")

EXTRACT_WORDS = 30
# ts_headline wraps matched words in these; they become <mark> once the extract is escaped.
MATCH_START, MATCH_END = "\x02", "\x03"


@dataclass(frozen=True)
class SearchResult:
    page: Page
    extract: str  # Plain text, or HTML marked safe.

    @property
    def type_label(self):
        return RESULT_TYPES.get(self.page.specific_class, OTHER_RESULT_TYPE)

    @property
    def is_event(self):
        """Seminars and training sessions show their dates."""
        return self.page.specific_class in EVENT_KINDS.values()


def searchable_pages(locale):
    """The pages visitors reading this locale may find: live, public and in their language."""
    return public_for_search(Page.objects.live().filter(locale=locale))


def search_pages(pages, query_string, backend_name, excluding=()):
    """The pages matching the query, best first, found by the backend of their language (so that
    the query is stemmed like them), leaving out the pages `excluding`. They are plain pages
    (title, URL, type): with_event_dates() loads what events show besides."""
    return pages.exclude(pk__in=excluding).search(query_string, backend=backend_name)


def ranked_ids(found):
    """The ids of the pages found, best first. Ranking every page that matches is what makes a
    search cost more as the site grows, so the search page keeps this per generation of the
    cache (an OrderedListing): the next pages of results, and the same search by anyone else,
    cost a query by primary key until the next change of content. On PostgreSQL the ranked
    query gives the ids alone, without loading the pages."""
    ranked_query = getattr(found, "get_queryset", None)
    if ranked_query is None:
        return [page.pk for page in found]
    return list(ranked_query().values_list("pk", flat=True))


def ranking_key(query_string, backend_name, locale, promoted):
    """The cache key of a search's ranking: everything it depends on."""
    words = hashlib.sha256(query_string.encode()).hexdigest()
    excluded = ",".join(str(page.pk) for page in promoted)
    return f"pagecache:search:{backend_name}:{locale.pk}:{words}:{excluded}"


def with_event_dates(pages):
    """`pages` with each event (seminar, training session) given its `start_date` and
    `end_date`, in one query whatever the kinds found (from whichever kind's table has them):
    the other types show nothing of their own."""
    ids = [page.pk for page in pages if page.specific_class in EVENT_KINDS.values()]
    if not ids:
        return pages
    dates = {
        pk: (start, end)
        for pk, start, end in Page.objects.filter(pk__in=ids)
        .annotate(**event_dates())
        .values_list("pk", "start_date", "end_date")
    }
    for page in pages:
        if page.pk in dates:
            page.start_date, page.end_date = dates[page.pk]
    return pages


def promoted_pages(pages, query):
    """The pages editors promoted for this query (Wagtail search promotions), in the editors'
    order, each annotated with the promotion's `promotion_description`. A promotion shows in the
    language of its page; promotions of external links have no language and are not shown."""
    return (
        pages.filter(searchpromotion__query=query)
        .annotate(promotion_description=F("searchpromotion__description"))
        .order_by("searchpromotion__sort_order")
    )


def extracts(pages, query_string, backend_name):
    """{page pk: extract} — the passage of each page's indexed text that best matches the query,
    with the matched words in <mark> (on PostgreSQL; elsewhere the start of the text)."""
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).values_list(
        "pk", extract_expression(query_string, backend_name)
    )
    return {pk: highlighted(Truncator(text).words(EXTRACT_WORDS)) for pk, text in rows if text}


def extract_expression(query_string, backend_name):
    if connection.vendor != "postgresql":
        return F("index_entries__body")
    # ts_headline with the backend's configuration highlights what the search matched:
    # "séminaires" highlights "Séminaire" in French.
    config = get_search_backend(backend_name).config
    return SearchHeadline(
        "index_entries__body_text",
        SearchQuery(query_string, config=config),
        config=config,
        start_sel=MATCH_START,
        stop_sel=MATCH_END,
        max_words=EXTRACT_WORDS,
        min_words=EXTRACT_WORDS // 2,
    )


def highlighted(headline):
    # Safe: the whole text is escaped before the markers become tags.
    return mark_safe(escape(headline).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))
