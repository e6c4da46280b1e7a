"""Server-side cost of every public page type in both languages, in-process (run by
bench/run.py with DATABASE_URL pointing at one benchmark database, the page cache off):

    python -m bench.measure OUTPUT.json [REQUESTS]

For each page: the number of SQL queries of one request, then the median and 95th percentile
of REQUESTS timed requests (Django's test client, the whole middleware stack) after warm-up;
the same for the first visit after a change of content (a new generation of the cache)."""

import json
import statistics
import sys
import time

import django

WARM_UP = 5
DEFAULT_REQUESTS = 30
SEARCH_WORD = "radicalisation"  # in the summaries of partners and seminars of both languages


def page_urls():
    """[(page type, language, URL)] of the pages measured."""
    from django.db.models import Count
    from wagtail.models import Locale

    from discussion.models import VisitorComment
    from events.models import EventIndexPage, SeminarPage, TrainingSessionPage
    from home.models import HomePage
    from home.views import search_path
    from network.models import PartnerIndexPage, PartnerKind, PartnerPage
    from news.models import NewsIndexPage, NewsPage
    from pilots.models import PilotProjectPage
    from resources.models import ResourcePage

    most_commented = [
        row["page"]
        for row in VisitorComment.objects.values("page")
        .annotate(n=Count("pk"))
        .order_by("-n", "page")[:2]
    ]
    urls = []
    for locale in Locale.objects.order_by("language_code"):
        language = locale.language_code

        def first(queryset, locale=locale):
            return queryset.live().filter(locale=locale).order_by("path").first()

        news_index = first(NewsIndexPage.objects)
        pages = [
            ("home", first(HomePage.objects), ""),
            ("partner directory", first(PartnerIndexPage.objects), ""),
            ("partner", first(PartnerPage.objects.filter(kind=PartnerKind.LEAD)), ""),
            ("seminar index", first(EventIndexPage.objects), ""),
            ("seminar", first(SeminarPage.objects), ""),
            ("training session", first(TrainingSessionPage.objects), ""),
            ("pilot", first(PilotProjectPage.objects), ""),
            ("resource", first(ResourcePage.objects), ""),
            ("news index", news_index, ""),
            ("news item", first(NewsPage.objects.exclude(pk__in=most_commented)), ""),
            (
                "news item, 200 comments",
                first(NewsPage.objects.filter(pk__in=most_commented)),
                "",
            ),
            ("news feed", news_index, "feed/"),
        ]
        for page_type, page, suffix in pages:
            urls.append((page_type, language, page.url + suffix))
        urls.append(("search results", language, f"{search_path(language)}?q={SEARCH_WORD}"))
    urls.append(("sitemap index", "", "/sitemap.xml"))
    urls.append(("sitemap file", "", "/sitemap-pages.xml"))
    return urls


def measure(client, url, requests):
    """The page as most visitors get it: the data kept per generation of the cache (listings,
    menus, figures, search rankings) already computed; then, for comparison, the first visit
    after a change of content, when all of it is computed again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pagecache.cache import new_generation

    for _ in range(WARM_UP):
        timed_get(client, url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # now: the next request resets the connection's query log
    with CaptureQueriesContext(connection) as queries:
        new_generation()
        client.get(url)
    first_visit_query_count = len(queries)
    timings = [timed_get(client, url) for _ in range(requests)]
    first_visit_timings = []
    for _ in range(requests):
        new_generation()
        first_visit_timings.append(timed_get(client, url))
    return {
        "queries": query_count,
        **summary(timings),
        "first_visit": {"queries": first_visit_query_count, **summary(first_visit_timings)},
    }


def summary(timings):
    """Median and 95th percentile (ms) of these timings, which are kept too."""
    timings = sorted(timings)
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, round(0.95 * len(timings)) - 1)],
        "requests": len(timings),
        "timings_ms": timings,
    }


def timed_get(client, url):
    """Milliseconds to answer a GET of `url`, which must succeed."""
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main(argv):
    django.setup()
    from django.conf import settings
    from django.test import Client

    assert not settings.PAGE_CACHE_ENABLED, "measure the pages themselves: PAGE_CACHE=false"
    output, *rest = argv
    requests = int(rest[0]) if rest else DEFAULT_REQUESTS
    client = Client(HTTP_HOST="localhost")
    results = [
        {"page": page_type, "language": language, "url": url, **measure(client, url, requests)}
        for page_type, language, url in page_urls()
    ]
    with open(output, "w") as file:
        json.dump(results, file, indent=2)


if __name__ == "__main__":
    main(sys.argv[1:])
