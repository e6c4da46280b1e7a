"""Data derived from the pages that many pages show (the chrome of each language, a listing's
order, the network's figures and maps…), computed once and kept until what they depend on
changes: the cache's generation (pagecache/cache.py) and the versions of the sections they show
(pagecache/versions.py), which every page using them declares in turn."""

import dataclasses
import datetime

from django.conf import settings

from .cache import current_generation, page_cache
from .versions import current_versions, section_versions

# {key: (stamp, value)} of cached_per_generation in this process, for the generation
# memo_generation only, at most PROCESS_MEMO_SIZE.
process_memo = {}
memo_generation = None
PROCESS_MEMO_SIZE = 1000


def cached_per_generation(key, build, *, sections, parts=(), keep_if=None):
    """build(), cached until the next invalidation of the generation or of one of `sections`
    (the sections whose pages it shows: pagecache.versions; () for what only a new generation
    changes: the menu, settings, locales), or PAGE_CACHE_SECONDS: in the shared cache, and in
    this process while its stamp stays the same, so that a request reads the shared cache once
    rather than once per datum. The process keeps only values that no request can change
    (strings, numbers, tuples, frozen dataclasses); others, such as pages, come from the shared
    cache as a fresh copy each time. Without a generation or a version (the cache failed),
    build() every time. `parts`: other versions it depends on (pagecache.versions). `keep_if`:
    whether to keep a value built (by default every one is)."""
    generation = current_generation()
    versions = {**section_versions(sections), **current_versions(parts)}
    if generation is None or None in versions.values():
        return build()
    stamp = (generation, tuple(sorted(versions.items())))
    forget_past_generations(generation)
    entry = process_memo.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]
    entry, kept = kept_in_shared_cache(key, stamp, build, keep_if)
    if kept and is_immutable(entry[1]):
        if len(process_memo) >= PROCESS_MEMO_SIZE:
            process_memo.clear()  # a rare, oversized generation: no bookkeeping for the others
        process_memo[key] = entry
    return entry[1]


def cached_per_versions(key, build, *, parts):
    """build(), cached in the shared cache until the next change of one of `parts`
    (pagecache.versions), whatever the generation, or PAGE_CACHE_SECONDS: for what a change of
    content leaves as it is, such as a picture's HTML (pagecache/templatetags/content_cache.py),
    which names in its key all it shows. Without a version (the cache failed), build() every
    time."""
    versions = current_versions(parts)
    if None in versions.values():
        return build()
    entry, _kept = kept_in_shared_cache(key, tuple(sorted(versions.items())), build)
    return entry[1]


def kept_in_shared_cache(key, stamp, build, keep_if=None):
    """((stamp, value), kept): the value the shared cache holds at `key` with this stamp, else
    build() stored there unless `keep_if` refuses it (then kept is False)."""
    cache = page_cache()
    entry = cache.get(key)
    if entry is None or entry[0] != stamp:
        entry = (stamp, build())
        if keep_if is not None and not keep_if(entry[1]):
            return entry, False
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    return entry, True


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
