"""The store behind the page cache, and its invalidation by generation.

Every cached copy records the *generation* it was made in; a copy is served only while the
generation stored in the cache is still the same. Invalidating is therefore a single write (a
new generation), which every server process sees at once when the cache is shared (Redis, or
the file cache on one machine), and old copies simply expire.

The same generation guards data derived from the pages that many pages show (the chrome of
each language, the network's figures, which pages are under a view restriction…), cached with
`cached_per_generation`: computed once, until the next change of content. The generation is
read once per request (PageCacheMiddleware) and remembered for its duration.

When the cache fails (pagecache/backends.py), there is no generation (None): nothing is read
from the cache nor stored in it, pages and data are computed from the database. An invalidation
may have been lost meanwhile (and a store cut off from this server may still hold copies), so
after any failure this process starts a new generation as soon as it reads one again: every
server that met the outage does so once when the cache comes back.
"""

import dataclasses
import datetime
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "pagecache:generation"

# {key: (generation, value)} of cached_per_generation in this process, for the generation
# memo_generation only, at most PROCESS_MEMO_SIZE.
process_memo = {}
memo_generation = None
PROCESS_MEMO_SIZE = 1000

# The generation read at the start of the request being served (None outside requests).
request_generation = ContextVar("pagecache_request_generation", default=None)
# Whether the cache failed in this process since it last started a generation.
generation_in_doubt = False


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation_store():
    """Where the generation is kept: apart from the pages, which a full cache culls."""
    return caches[settings.PAGE_CACHE_GENERATION_ALIAS]


def stored_generation():
    return generation_store().get(GENERATION_KEY)


def current_generation():
    """The generation in force: the request's, else read from the cache (None if it fails)."""
    generation = request_generation.get()
    if generation is None:
        generation = generation_from(stored_generation())
    return generation


def generation_from(stored):
    """The generation to use given the one `stored` in the cache (None: none, or unreadable):
    a new one when the cache has none, or failed since this process last wrote one."""
    global generation_in_doubt
    if stored is not None and not generation_in_doubt:
        return stored
    generation_in_doubt = False  # set again if the cache fails to take the new one
    return start_generation() if stored is None else new_generation()


def doubt_generation(**kwargs):
    """Receiver of pagecache.backends.cache_failed."""
    global generation_in_doubt
    generation_in_doubt = True


@contextmanager
def generation_for_request(generation):
    token = request_generation.set(generation)
    try:
        yield
    finally:
        request_generation.reset(token)


def start_generation():
    """A generation for a cache that has none (new, cleared or evicted): never one used before,
    so that no copy made before can be served."""
    store = generation_store()
    store.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return store.get(GENERATION_KEY)


def invalidate():
    """Every cached page and derived datum is out of date: now, and again once the current
    transaction commits (a page rendered in between, from data not yet committed, must not
    outlive the commit)."""
    new_generation()
    transaction.on_commit(new_generation)


def new_generation():
    generation = time.time_ns()
    generation_store().set(GENERATION_KEY, generation, timeout=None)
    if request_generation.get() is not None:
        request_generation.set(generation)  # the rest of this request sees the change
    return generation


def cached_per_generation(key, build):
    """build(), cached until the next invalidation (or PAGE_CACHE_SECONDS): in the shared cache,
    and in this process for as long as the generation stays the same, so that a request reads
    the shared cache once (the generation) rather than once per datum. The process keeps only
    values that no request can change (strings, numbers, tuples, frozen dataclasses); others,
    such as pages, come from the shared cache as a fresh copy each time. Without a generation
    (the cache failed), build() every time."""
    generation = current_generation()
    if generation is None:
        return build()
    forget_past_generations(generation)
    entry = process_memo.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    cache = page_cache()
    entry = cache.get(key)
    if entry is None or entry[0] != generation:
        entry = (generation, build())
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    if is_immutable(entry[1]):
        if len(process_memo) >= PROCESS_MEMO_SIZE:
            process_memo.clear()  # a rare, oversized generation: no bookkeeping for the others
        process_memo[key] = entry
    return entry[1]


IMMUTABLE_ATOMS = (str, bytes, int, float, bool, type(None), datetime.date, datetime.timedelta)


def is_immutable(value):
    """Whether no one holding `value` can change it: atoms, and tuples, frozensets and frozen
    dataclasses (hashable: a mutable dataclass is not) of immutable values."""
    if isinstance(value, IMMUTABLE_ATOMS):
        return True
    if isinstance(value, tuple | frozenset):
        return all(is_immutable(item) for item in value)
    if dataclasses.is_dataclass(value) and type(value).__hash__ is not None:
        return all(is_immutable(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def forget_past_generations(generation):
    """Empty the process memo when the generation changes: what it holds is out of date, and
    would otherwise stay in memory until the memo is full."""
    global memo_generation
    if generation != memo_generation:
        process_memo.clear()
        memo_generation = generation
