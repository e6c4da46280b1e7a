"""Invalidation finer than the generation, for what changes often and shows on one page: a
page's comments. Such a part has a version of its own, kept with the generation
(cache.generation_store). A page that shows it declares the version it was made with
(`version`, while PageCacheMiddleware collects them); the middleware serves the stored copy only
while every version it was made with is still the same, and `renew` changes one: a comment's
moderation refreshes its page, not every page of the site. When the cache cannot take the new
version, a new generation does, with the lost-invalidation safeguards of pagecache/cache.py.
A version the cache lost (evicted, culled) is simply made again: copies made with the old one
are then not served, which costs a render, never a stale page."""

import time
from contextvars import ContextVar

from .cache import failures_of_the_cache, generation_store, invalidate, started
from .context import bound

# {key: version} the response being made was made with (None outside PageCacheMiddleware).
declared_versions = ContextVar("pagecache_declared_versions", default=None)


def version_key(name):
    return f"pagecache:version:{name}"


def versions_for_request():
    """Collect the versions the response made within the block depends on (yielded: a dict)."""
    return bound(declared_versions, {})


def version(name):
    """The version of part `name` in force (None when the cache fails), declared for the
    response being made."""
    key = version_key(name)
    value = generation_store().get(key)
    if value is None:
        value = started(key)
    declared = declared_versions.get()
    if declared is not None:
        declared[key] = value
    return value


def renew(name):
    """Part `name` changed: the pages made with its version are out of date."""
    with failures_of_the_cache() as failed:
        generation_store().set(version_key(name), time.time_ns(), timeout=None)
    if failed:
        invalidate()


def still_current(versions):
    """Whether the versions a stored copy was made with ({key: version}) are still in force."""
    if not versions:
        return True
    return generation_store().get_many(list(versions)) == versions
