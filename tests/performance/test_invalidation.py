"""A publication refreshes the pages that show what changed, and only those
(pagecache/versions.py, pagecache/signals.py): whatever page of the site is renamed or
unpublished, every page a visitor gets from the cache shows what a page rendered afresh shows,
while a news item's publication leaves the partners, pilots and resources in the cache."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client

from network.models import PartnerPage
from news.models import NewsPage, NewsPagePartner
from tests.performance.conftest import SMALL
from tests.performance.test_query_counts import CEILINGS, urls

pytestmark = pytest.mark.django_db

# The measured pages of the growing site (tests/performance/conftest.py) that are renamed in
# turn: every kind of detail page, each named or listed by others.
RENAMED = ("partner", "seminar", "news", "pilot", "resource")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def site(growing_site):
    growing_site.grow(SMALL)
    # The links the growth made row by row, as publishing them from the admin records them.
    call_command("rebuild_references_index", verbosity=0)
    return growing_site


def every_address(site):
    """Every page type's address in both languages (not search results, never cached; nor the
    filtered listings, the same templates and data as unfiltered)."""
    kinds = [kind for kind in CEILINGS if kind != "search results" and "," not in kind]
    return [url for kind in kinds for url in urls(site, kind)]


def visit(addresses):
    """{address: (status, X-Page-Cache, body)} as an anonymous visitor gets them."""
    responses = {address: Client().get(address) for address in addresses}
    return {
        address: (response.status_code, response.get("X-Page-Cache"), response.content.decode())
        for address, response in responses.items()
    }


def rendered_afresh(addresses):
    """The pages as rendered with nothing kept (the next visit stores them again)."""
    for alias in ("pages", "page_generation"):
        caches[alias].clear()
    return visit(addresses)


def publish_title(page, title, capture):
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()


def stale_pages(cached, fresh, word):
    """The addresses whose cached page differs from the fresh one in status or in showing
    `word`."""
    return sorted(
        address
        for address, (status, _state, body) in cached.items()
        if (status, word in body) != (fresh[address][0], word in fresh[address][2])
    )


def test_every_cached_page_shows_a_renamed_or_unpublished_page_as_a_fresh_page_does(
    site, django_capture_on_commit_callbacks
):
    addresses = every_address(site)
    visit(addresses)
    stale = {}
    for number, name in enumerate(RENAMED):
        page = getattr(site, name)
        english, french = f"Renamed{number}en", f"Renamed{number}fr"
        publish_title(page, english, django_capture_on_commit_callbacks)
        publish_title(site.french(page), french, django_capture_on_commit_callbacks)
        cached = visit(addresses)
        fresh = rendered_afresh(addresses)
        for word in (english, french):
            stale[(name, word)] = stale_pages(cached, fresh, word)
        assert english in fresh[page.url][2]

    with django_capture_on_commit_callbacks(execute=True):
        site.partner.unpublish()
    cached = visit(addresses)
    stale[("partner unpublished", "Renamed0en")] = stale_pages(
        cached, rendered_afresh(addresses), "Renamed0en"
    )

    assert {change: pages for change, pages in stale.items() if pages} == {}


def test_a_news_item_published_leaves_the_other_sections_and_partners_in_the_cache(
    site, django_capture_on_commit_callbacks
):
    kept = ["partner directory", "pilot index", "pilot", "resource library", "resource"]
    refreshed = ["home", "news index", "news item with comments", "news feed", "sitemap file"]
    addresses = {kind: urls(site, kind)[0] for kind in kept + refreshed}
    # The partner the news item names (network.mentions), and one it does not name.
    addresses["named partner"] = site.partner.url
    addresses["other partner"] = other_partner(site).url
    visit(addresses.values())

    publish_title(site.news, "Seminar announced: programme", django_capture_on_commit_callbacks)

    states = {kind: Client().get(address)["X-Page-Cache"] for kind, address in addresses.items()}
    assert states == {
        **dict.fromkeys([*kept, "other partner"], "hit"),
        **dict.fromkeys([*refreshed, "named partner"], "miss"),
    }


def test_a_partner_a_news_item_stops_naming_no_longer_lists_it(
    site, django_capture_on_commit_callbacks
):
    assert site.news.title in Client().get(site.partner.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        news = NewsPage.objects.get(pk=site.news.pk)
        news.partner_links = []
        news.save_revision().publish()

    assert site.news.title not in Client().get(site.partner.url).content.decode()


def other_partner(site):
    """A partner of the growing site that the measured news item does not name."""
    named = NewsPagePartner.objects.filter(page=site.news).values("partner")
    return (
        PartnerPage.objects.child_of(site.partners)
        .live()
        .exclude(pk__in=named)
        .order_by("path")
        .first()
    )
