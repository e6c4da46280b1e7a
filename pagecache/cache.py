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
from the cache nor stored in it, pages and data are computed from the database. What matters
then is an invalidation the cache did not take: the copies it should have voided are still in
the store when it answers again. Such an invalidation is written to the database
(LostInvalidation), in the transaction of the change, so that no one loses it, not even a
process that made the change and exited (a shell, the `publish_scheduled` cron): every process
looks for one every PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS and, finding one, starts a new
generation. The process that made the change does so at once, at its next successful read,
unless the generation it reads began after its failure (another process started one since:
generations are times, so the servers' clocks must agree, as NTP keeps them). A read that
fails loses nothing: the page is rendered, and the copies in the store are still right.
"""

import math
import time
from contextlib import contextmanager, suppress
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction

from .backends import cache_failed
from .context import bound
from .models import LostInvalidation

GENERATION_KEY = "pagecache:generation"
EPOCH_KEY = "pagecache:epoch"
# {key: (epoch, number)} this process read from the generation store, each valid while the
# store's epoch is still `epoch`: every write of a number renews the epoch, so that a request
# reads the epoch rather than every number it needs (the generation, versions).
known_numbers = {}
KNOWN_NUMBERS_SIZE = 10_000
# The epoch read at the start of the request being served (None: every number read afresh).
request_epoch = ContextVar("pagecache_request_epoch", default=None)

# The generation read at the start of the request being served (None outside requests).
request_generation = ContextVar("pagecache_request_generation", default=None)
# When the cache last failed to take an invalidation from this process (time.time_ns(), as
# generations are), until a generation started after that is in force; None: no doubt.
cache_failed_at = None
# When this process last looked for lost invalidations (time.monotonic()).
lost_checked_at = -math.inf


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation_store():
    """Where the generation is kept: apart from the pages, which a full cache culls."""
    return caches[settings.PAGE_CACHE_GENERATION_ALIAS]


def stored_generation():
    return read_numbers([GENERATION_KEY]).get(GENERATION_KEY)


def numbers_for_request():
    """Within the block, the numbers this process read in the store's current epoch are not
    read again (no epoch when the store fails: every number read afresh)."""
    epoch = generation_store().get(EPOCH_KEY)
    return bound(request_epoch, epoch if epoch is not None else started(EPOCH_KEY))


def read_numbers(keys):
    """{key: number} of those of `keys` that the generation store holds. A number is read
    after the epoch it is kept with, so it is never older than that epoch."""
    epoch = request_epoch.get()
    found, missing = {}, []
    for key in keys:
        known = known_numbers.get(key)
        if epoch is not None and known is not None and known[0] == epoch:
            found[key] = known[1]
        else:
            missing.append(key)
    if missing:
        read = generation_store().get_many(missing)
        found.update(read)
        if epoch is not None:
            if len(known_numbers) >= KNOWN_NUMBERS_SIZE:
                known_numbers.clear()
            known_numbers.update((key, (epoch, number)) for key, number in read.items())
    return found


def write_numbers(numbers):
    """Store `numbers` ({key: number}), then a new epoch, so that every process reads them
    again; whether the store took both."""
    with failures_of_the_cache() as failed:
        store = generation_store()
        store.set_many(numbers, timeout=None)
        store.set(EPOCH_KEY, time.time_ns(), timeout=None)
    for key in numbers:
        known_numbers.pop(key, None)
    return not failed


def current_generation():
    """The generation in force: the request's, else read from the cache (None if it fails)."""
    generation = request_generation.get()
    if generation is None:
        generation = generation_from(stored_generation())
    return generation


def generation_from(stored):
    """The generation to use given the one `stored` in the cache (None: none, or unreadable):
    a new one when the cache has none, failed in this process since the stored generation
    began (another process that recovered first may have started one since: then it stands),
    or missed an invalidation that the database recorded."""
    settle_doubt(stored)
    lost = newest_lost_invalidation()
    if stored is not None and cache_failed_at is None and lost is None:
        return stored
    generation = start_generation() if stored is None else new_generation()
    settle_doubt(generation)
    if lost is not None and cache_failed_at is None:
        forget_lost_invalidations(lost)  # the cache took the new generation: made good
    return generation


def settle_doubt(generation):
    """No more doubt once a generation begun after this process's failure is in force."""
    global cache_failed_at
    if generation is not None and cache_failed_at is not None and generation > cache_failed_at:
        cache_failed_at = None


def newest_lost_invalidation():
    """The id of the newest invalidation the database holds that the cache missed, or None;
    looked for once every PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS in this process."""
    global lost_checked_at
    now = time.monotonic()
    if now - lost_checked_at < settings.PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS:
        return None
    lost_checked_at = now
    try:
        return LostInvalidation.objects.order_by("-pk").values_list("pk", flat=True).first()
    except DatabaseError:
        return None  # the database is failing: the request meets it on its own (503)


def forget_lost_invalidations(up_to):
    # On a failure, seen again at the next look: one more new generation, harmless.
    with suppress(DatabaseError), transaction.atomic():
        LostInvalidation.objects.filter(pk__lte=up_to).delete()


def generation_for_request(generation):
    return bound(request_generation, generation)


def start_generation():
    """A generation for a cache that has none (new, cleared or evicted): never one used before,
    so that no copy made before can be served."""
    return started(GENERATION_KEY)


def started(key):
    """What the generation store holds at `key`, a new time there if it held nothing (unless
    another process put one first: then that one); None when the store fails."""
    store = generation_store()
    store.add(key, time.time_ns(), timeout=None)
    return store.get(key)


def invalidate():
    """Every cached page and derived datum is out of date: now, and again once the current
    transaction commits (a page rendered in between, from data not yet committed, must not
    outlive the commit)."""
    new_generation()
    transaction.on_commit(new_generation)


def new_generation():
    global cache_failed_at
    generation = time.time_ns()
    if not write_numbers({GENERATION_KEY: generation}):
        cache_failed_at = time.time_ns()
        note_lost_invalidation()
    if request_generation.get() is not None:
        request_generation.set(generation)  # the rest of this request sees the change
    return generation


@contextmanager
def failures_of_the_cache():
    """A list that is not empty if the cache failed in the block (cache_failed was sent)."""
    failed = []

    def note(**kwargs):
        failed.append(True)

    cache_failed.connect(note, weak=False)
    try:
        yield failed
    finally:
        cache_failed.disconnect(note)


def note_lost_invalidation():
    """In the database, in the change's transaction when there is one (a savepoint: if the
    database fails too, this process's doubt is all there is)."""
    with suppress(DatabaseError), transaction.atomic():
        LostInvalidation.objects.create()
