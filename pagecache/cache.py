"""The store behind the page cache, and its invalidation by generation.

Every cached copy records the *generation* it was made in; a copy is served only while the
generation stored in the cache is still the same. Invalidating is therefore a single write (a
new generation), which every server process sees at once when the cache is shared (Redis, or
the file cache on one machine), and old copies simply expire.

The same generation guards the per-language data of the page chrome (menus, feed links…),
cached with `cached_per_generation`.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation(request=None):
    """The generation in force, read once per request (remembered on it)."""
    if request is not None and hasattr(request, "_pagecache_generation"):
        return request._pagecache_generation
    generation = page_cache().get(GENERATION_KEY)
    if generation is None:
        generation = start_generation()
    if request is not None:
        request._pagecache_generation = generation
    return generation


def start_generation():
    """A generation for a cache that has none (new, cleared or evicted): never one used before,
    so that no copy made before can be served."""
    cache = page_cache()
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY)


def invalidate():
    """Every cached page and chrome is out of date: now, and again once the current
    transaction commits (a page rendered in between, from data not yet committed, must not
    outlive the commit)."""
    new_generation()
    transaction.on_commit(new_generation)


def new_generation():
    page_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)


def cached_per_generation(key, build, request=None):
    """build(), cached until the next invalidation (or PAGE_CACHE_SECONDS)."""
    cache = page_cache()
    generation = current_generation(request)
    entry = cache.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = build()
    cache.set(key, (generation, value), settings.PAGE_CACHE_SECONDS)
    return value
