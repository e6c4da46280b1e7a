"""Data cached per generation (pagecache.data.cached_per_generation): built once, kept in the
shared cache and in the process until the next change of content, the process's memo bounded;
and the indexes that the listings, the routing and the search rely on."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from pagecache import data as pagecache
from pagecache.backends import NumberFileCache
from pagecache.cache import invalidate, new_generation, page_cache, stored_generation
from pagecache.data import process_memo
from pagecache.versions import DEPLOYMENT, renew_sections, version


def cached_per_generation(key, build, sections=()):
    return pagecache.cached_per_generation(key, build, sections=sections)


class Builder:
    """A build function counting its calls, returning a new value each time."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return (f"value {self.calls}",)


def test_value_is_built_once_within_a_generation():
    build = Builder()

    first = cached_per_generation("test:datum", build)
    second = cached_per_generation("test:datum", build)

    assert build.calls == 1
    assert first == second == ("value 1",)


def test_second_call_comes_from_the_process_without_reading_the_shared_cache(monkeypatch):
    build = Builder()
    cached_per_generation("test:datum", build)
    shared_reads = []
    shared = page_cache()
    original_get = shared.get

    def get(key, *args):
        shared_reads.append(key)
        return original_get(key, *args)

    monkeypatch.setattr(shared, "get", get)

    assert cached_per_generation("test:datum", build) == ("value 1",)
    assert build.calls == 1
    assert shared_reads == []  # the generation is read from its own store, the datum not at all


def test_a_value_that_requests_could_change_is_never_shared_in_the_process():
    first = cached_per_generation("test:mutable", lambda: {"pages": ["a"]})
    first["pages"].append("changed by a request")

    assert cached_per_generation("test:mutable", lambda: {}) == {"pages": ["a"]}


def test_another_process_reads_the_value_from_the_shared_cache():
    build = Builder()
    cached_per_generation("test:datum", build)
    process_memo.clear()  # as in another process

    assert cached_per_generation("test:datum", build) == ("value 1",)
    assert build.calls == 1


@pytest.mark.django_db
def test_value_is_rebuilt_after_an_invalidation(django_capture_on_commit_callbacks):
    build = Builder()
    cached_per_generation("test:datum", build)

    with django_capture_on_commit_callbacks(execute=True):
        invalidate()

    assert cached_per_generation("test:datum", build) == ("value 2",)
    assert cached_per_generation("test:datum", build) == ("value 2",)
    assert build.calls == 2


@pytest.mark.django_db
def test_value_built_before_the_commit_of_a_change_is_rebuilt_after_it(
    django_capture_on_commit_callbacks,
):
    """A value built in the transaction that changed the content, from data not yet
    committed, is not kept past the commit."""
    build = Builder()
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
        assert cached_per_generation("test:datum", build) == ("value 1",)

    assert cached_per_generation("test:datum", build) == ("value 2",)


def test_process_memo_never_grows_beyond_its_size(monkeypatch):
    monkeypatch.setattr(pagecache, "PROCESS_MEMO_SIZE", 3)
    sizes = []
    for n in range(10):
        cached_per_generation(f"test:datum:{n}", Builder())
        sizes.append(len(process_memo))
        assert f"test:datum:{n}" in process_memo

    assert max(sizes) == 3


def test_value_dropped_from_the_memo_comes_from_the_shared_cache(monkeypatch):
    monkeypatch.setattr(pagecache, "PROCESS_MEMO_SIZE", 2)
    builders = [Builder() for _ in range(3)]
    for n, build in enumerate(builders):
        cached_per_generation(f"test:datum:{n}", build)

    assert "test:datum:0" not in process_memo
    assert cached_per_generation("test:datum:0", builders[0]) == ("value 1",)
    assert [build.calls for build in builders] == [1, 1, 1]


@pytest.mark.django_db
def test_memo_holds_only_the_current_generation(django_capture_on_commit_callbacks):
    cached_per_generation("test:old-datum", Builder())
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()

    cached_per_generation("test:new-datum", Builder())

    assert set(process_memo) == {"test:new-datum"}


@pytest.mark.django_db
def test_a_datum_is_built_again_when_a_section_it_shows_changes_only(
    django_capture_on_commit_callbacks,
):
    news_datum, partners_datum = Builder(), Builder()
    cached_per_generation("test:news", news_datum, sections=("news",))
    cached_per_generation("test:partners", partners_datum, sections=("network",))

    with django_capture_on_commit_callbacks(execute=True):
        renew_sections({"news"})

    assert cached_per_generation("test:news", news_datum, sections=("news",)) == ("value 2",)
    assert cached_per_generation("test:partners", partners_datum, sections=("network",)) == (
        "value 1",
    )


# -- Indexes ----------------------------------------------------------------------------------


@pytest.mark.django_db
# Django's introspection names a B-tree index "idx" (Index.suffix), a GIN index "gin".
@pytest.mark.parametrize(
    ("table", "name", "columns", "index_type"),
    [
        # home/routing.py finds pages by url_path (home/migrations/0003).
        ("wagtailcore_page", "liaise_page_url_path", ["url_path"], "idx"),
        # The latest news without sorting them all (news/migrations/0004).
        ("news_newspage", "news_newest_first", ["date", "page_ptr_id"], "idx"),
        # What Wagtail's PostgreSQL search backend matches, title || body (search/0002).
        ("wagtailsearch_indexentry", "liaise_indexentry_text", None, "gin"),
    ],
)
def test_index_exists_after_migrating(table, name, columns, index_type):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)

    assert name in constraints, sorted(constraints)
    index = constraints[name]
    assert index["index"]
    assert index["type"] == index_type
    if columns is not None:
        assert index["columns"] == columns


@pytest.mark.django_db
def test_newest_news_index_is_descending():
    with connection.cursor() as cursor:
        index = connection.introspection.get_constraints(cursor, "news_newspage")[
            "news_newest_first"
        ]

    assert index["orders"] == ["DESC", "DESC"]


@pytest.mark.django_db
def test_search_index_covers_the_title_and_body_together():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef(%s::regclass)", ["liaise_indexentry_text"])
        definition = cursor.fetchone()[0]

    assert "USING gin" in definition
    assert "(title || body)" in definition


# -- The file cache of production -------------------------------------------------------------


def test_culling_a_full_file_cache_never_drops_the_generation_nor_versions(settings, tmp_path):
    """As production stores them without Redis: pages culled when too many, the generation and
    the versions (one per page with comments: here more than Django's default MAX_ENTRIES of
    300) never."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "pagecache.backends.FailSoftFileCache",
            "LOCATION": str(tmp_path),
            "OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2},
        },
        "page_generation": {
            "BACKEND": "pagecache.backends.FailSoftNumberFileCache",
            "LOCATION": str(tmp_path / "generation"),
        },
    }
    generation = new_generation()
    versions = {n: version(f"comments:{n}") for n in range(400)}

    for n in range(200):  # each set beyond 10 files culls half of them at random
        cached_per_generation(f"test:datum:{n}", lambda n=n: n)

    assert stored_generation() == generation
    assert {n: version(f"comments:{n}") for n in range(400)} == versions
    assert len(list(tmp_path.glob("*.djcache"))) <= 11


def test_numbers_are_written_whole_added_once_and_read_back(tmp_path):
    store = NumberFileCache(tmp_path, {})

    assert store.add("generation", 17) is True
    assert store.add("generation", 18) is False  # another process's first stays
    store.set_many({"generation": 19, "version": 3})

    assert store.get_many(["generation", "version", "missing"]) == {"generation": 19, "version": 3}
    assert list(tmp_path.glob("*.writing")) == []
    store.clear()
    assert store.get("generation") is None


def test_a_file_not_holding_one_of_our_numbers_reads_as_none(tmp_path):
    store = NumberFileCache(tmp_path, {})
    store.set("generation", 17)
    store.set("version", 3)
    Path(store.path("generation")).write_bytes(b"not a number")
    Path(store.path("version")).write_bytes(b"1" * 100)

    assert store.get("generation") is None
    assert store.get("version") is None
    assert store.add("missing", 5) is True
    assert store.get("missing") == 5


@pytest.mark.django_db
def test_value_kept_per_versions_outlives_a_change_of_content_not_a_deployment():
    build = Builder()

    first = pagecache.cached_per_versions("test:picture", build, parts=(DEPLOYMENT,))
    new_generation()  # a publication elsewhere, a setting changed…
    after_a_change = pagecache.cached_per_versions("test:picture", build, parts=(DEPLOYMENT,))
    call_command("migrate", verbosity=0)
    after_a_deployment = pagecache.cached_per_versions("test:picture", build, parts=(DEPLOYMENT,))

    assert (first, after_a_change, after_a_deployment) == (("value 1",),) * 2 + (("value 2",),)
