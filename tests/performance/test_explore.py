import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.performance.conftest import LARGE, SMALL


def measure(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        t = time.perf_counter()
        r = client.get(url)
        dt = time.perf_counter() - t
    assert r.status_code == 200, (url, r.status_code)
    return len(ctx.captured_queries), dt, ctx.captured_queries


def test_explore(client, growing_site):
    s = growing_site
    urls = lambda: {
        "home": "/en/",
        "home_fr": "/fr/",
        "partners": s.partners.url,
        "partner": s.partner.url,
        "seminars": s.seminars.url,
        "seminar": s.seminar.url,
        "news_index": s.news_index.url,
        "news": s.news.url,
        "news_fr": s.french(s.news).url,
        "search": "/en/search/?q=prevention",
        "feed": s.news_index.url + "feed/",
        "sitemap": "/sitemap.xml", "sitemap1": "/sitemap-pages.xml",
    }
    for size in (SMALL, LARGE):
        t = time.perf_counter()
        s.grow(size)
        print("grow", size, time.perf_counter() - t)
        for name, url in urls().items():
            n, dt, q = measure(client, url)
            print(f"{name:12} {n:3} {dt * 1000:7.1f} ms")
            if name in ("home",) and size == SMALL:
                for x in q:
                    print("    ", x["sql"][:300])
