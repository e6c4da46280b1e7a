"""The site on a real Redis (tests/redis_server.py), cached as in production: while Redis is
down or hung, pages and /healthz still answer, rendered from the database; once it is back,
no page from before a change made meanwhile is served; made-up query strings and addresses
store nothing;
a full Redis evicts pages, never the generation, and one that refuses writes (Redis's default
policy) leaves pages answering."""

import logging
import time

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from wagtail.models import Locale

from pagecache import backends, cache
from pagecache.cache import GENERATION_KEY
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from tests.redis_server import TIMEOUT_SECONDS, RedisServer, redis_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_on_redis(settings, monkeypatch, redis_server):
    """The site's caches in the test Redis, the page cache on; this process has seen no
    failure yet, and tries Redis again at once after one (RETRY_SECONDS)."""
    settings.CACHES = redis_caches(redis_server.url)
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(backends, "stores", {})
    monkeypatch.setattr(backends, "RETRY_SECONDS", 0)
    monkeypatch.setattr(cache, "cache_failed_at", None)
    return redis_server


@pytest.fixture
def pages(home, site_on_redis):
    """{url: text it shows}: home in English and French, the partner directory, a news item,
    a search."""
    french = home.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0])
    french.save_revision().publish()
    directory = PartnerIndexPageFactory(parent=home, title="Partners")
    PartnerPageFactory(parent=directory, title="Efus", kind="lead")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")
    return {
        "/en/": home.title,
        "/fr/": home.title,
        directory.url: "Efus",
        news.url: "Seminar in Leuven",
        "/en/search/?q=Leuven": "Seminar in Leuven",
    }


def get(url):
    return Client().get(url)


def assert_pages_answer(pages):
    for url, text in pages.items():
        response = get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_pages_and_healthz_answer_while_redis_is_down_and_after_it_is_back(
    pages, site_on_redis, caplog
):
    assert_pages_answer(pages)

    site_on_redis.stop()
    with caplog.at_level(logging.ERROR, logger="pagecache.backends"):
        assert_pages_answer(pages)
        assert_pages_answer(pages)
        health = get("/healthz")
    site_on_redis.start()

    assert health.status_code == 200
    assert health.content.decode() == "ok; cache degraded: default, pages, page_generation"
    assert len(caplog.records) == 1  # once per interval, not per request
    assert "unavailable" in caplog.records[0].getMessage()
    assert_pages_answer(pages)
    assert get("/en/")["X-Page-Cache"] == "hit"
    assert get("/healthz").content.decode() == "ok"


def test_a_change_made_while_redis_hangs_is_shown_once_it_answers_again(
    home, site_on_redis, monkeypatch, django_capture_on_commit_callbacks
):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")
    assert get(news.url).status_code == 200
    assert get(news.url)["X-Page-Cache"] == "hit"

    # Hung, not restarted: when it answers again it still holds the page and the generation.
    monkeypatch.setattr(backends, "RETRY_SECONDS", 60)  # one timeout, then left alone…
    site_on_redis.pause()
    assert get(news.url).status_code == 200
    news.title = "Seminar in Leuven: the programme"  # …so the invalidation never reaches it
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    during = get(news.url)
    site_on_redis.resume()
    monkeypatch.setattr(backends, "stores", {})  # as when RETRY_SECONDS have passed

    assert "the programme" in during.content.decode()
    after = get(news.url)
    assert "the programme" in after.content.decode()
    assert after["X-Page-Cache"] == "miss"


def test_a_hung_redis_costs_a_request_about_one_timeout(home, site_on_redis, monkeypatch):
    monkeypatch.setattr(backends, "RETRY_SECONDS", 5)
    site_on_redis.pause()
    try:
        started = time.monotonic()
        response = get("/en/")
        elapsed = time.monotonic() - started
    finally:
        site_on_redis.resume()

    assert response.status_code == 200
    # One read times out; the other dozen operations of the request are not tried.
    assert elapsed < 3 * TIMEOUT_SECONDS


def test_made_up_query_strings_add_no_entries(home, site_on_redis):
    get("/en/")
    with site_on_redis.client() as client:
        entries = client.dbsize()
        for number in range(150):
            assert get(f"/en/?ref={number}").status_code == 200
        assert client.dbsize() - entries <= 2


def test_made_up_addresses_add_no_entries(pages, site_on_redis):
    news = next(url for url in pages if "Leuven" in pages[url] and "search" not in url)
    made_up = [f"{news.rsplit('/', 2)[0]}/made-up-{{}}/", "/en/made-up-{}/"]
    for address in [news, *made_up]:  # what any not-found page reads is made once
        get(address.format("first"))
    with site_on_redis.client() as client:
        entries = client.dbsize()
        for number in range(150):
            for address in made_up:
                assert get(address.format(number)).status_code == 404
        assert client.dbsize() - entries <= 2


def test_a_full_redis_evicts_pages_and_keeps_the_generation(settings, monkeypatch, pages, caplog):
    with RedisServer(maxmemory="2mb", maxmemory_policy="volatile-lru") as full:
        settings.CACHES = redis_caches(full.url)
        monkeypatch.setattr(backends, "stores", {})
        assert_pages_answer(pages)
        with full.client() as client:
            generation = client.get(f"pages:1:{GENERATION_KEY}")
            assert generation is not None
            with caplog.at_level(logging.ERROR, logger="pagecache.backends"):
                for number in range(300):  # 3 MB of pages: more than Redis may hold
                    caches["pages"].set(f"pagecache:page:{number}", b"x" * 10_000)
                for _ in range(2):
                    assert_pages_answer(pages)
            assert client.info("stats")["evicted_keys"] > 0
            assert client.get(f"pages:1:{GENERATION_KEY}") == generation
    assert not caplog.records


def fill_until_refused(client):
    """Write entries that never expire until Redis refuses one for want of memory."""
    for number in range(1000):
        try:
            client.set(f"filler:{number}", b"x" * 10_000)
        except redis.exceptions.OutOfMemoryError:
            return
    pytest.fail("Redis took 10 MB beyond its maxmemory")


def test_a_redis_out_of_memory_leaves_pages_answering(settings, monkeypatch, pages):
    # Redis's default policy, noeviction: once full, it refuses every write.
    with RedisServer(maxmemory="2mb", maxmemory_policy="noeviction") as full:
        settings.CACHES = redis_caches(full.url)
        monkeypatch.setattr(backends, "stores", {})
        with full.client() as client:
            fill_until_refused(client)

        assert_pages_answer(pages)
        # Which aliases a probe finds failing depends on what Redis freed meanwhile.
        assert get("/healthz").content.decode().startswith("ok; cache degraded: ")


def test_a_page_redis_refused_to_store_is_not_announced_as_stored(home, site_on_redis):
    """What a restarted Redis does to a worker whose connection to the pages' store is stale:
    the numbers are read, the page's write is lost. The other servers never get that page:
    this process must not say it stored it, nor serve it as stored (it would say "hit" where
    they say "miss")."""
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")
    assert get(news.url)["X-Page-Cache"] == "miss"
    cache.new_generation()  # a change: the stored page is out of date, its versions exist
    with site_on_redis.client() as client:
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", 1)  # every write refused, reads answered
        refused = get(news.url)
        client.config_set("maxmemory", 0)

    assert refused.status_code == 200
    assert "Seminar in Leuven" in refused.content.decode()
    assert refused.get("X-Page-Cache") is None
    assert get(news.url)["X-Page-Cache"] == "miss"  # stored now, as every server sees it
    assert get(news.url)["X-Page-Cache"] == "hit"


class Unreachable(LocMemCache):
    """A store whose every read fails, as a hung or stopped Redis's."""

    tried = 0

    def get(self, *args, **kwargs):
        Unreachable.tried += 1
        raise ConnectionError("no answer")


class FailSoftUnreachable(backends.FailSoftCache, Unreachable):
    failures = (ConnectionError,)


def test_a_failing_store_is_tried_less_and_less_often_then_again_soon_after_it_is_back(
    monkeypatch,
):
    """A hung Redis costs a worker a socket timeout per attempt: a minute of outage with a
    request every 0.1 s costs six attempts, not sixty."""
    clock = [1000.0]
    monkeypatch.setattr(backends.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(backends, "stores", {})
    monkeypatch.setattr(Unreachable, "tried", 0)
    store = FailSoftUnreachable("unreachable-store", {})

    for _request in range(600):
        assert store.get("pagecache:generation") is None
        clock[0] += 0.1

    assert Unreachable.tried <= 7
    monkeypatch.setattr(Unreachable, "get", LocMemCache.get)  # it answers again…
    clock[0] += backends.MAX_RETRY_SECONDS
    store.set("pagecache:generation", 42)
    assert store.get("pagecache:generation") == 42  # …and is used again
