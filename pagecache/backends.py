"""Cache backends that fail soft: when the store fails (Redis down, slow or out of memory; a
full or unwritable disk), an operation behaves as a miss (get: nothing; set, add, delete: not
done) instead of raising, so that a page is rendered from the database rather than answering
500. Each process says so in its log once per LOG_INTERVAL seconds per store, and leaves the
store alone after a failure, RETRY_SECONDS at first, then twice as long after each failure in a
row, up to MAX_RETRY_SECONDS: a hung Redis costs a worker one socket timeout now and then, not
one a second, so that a server keeps nearly the capacity it has without any cache. Every
operation failed or not tried sends `cache_failed` (pagecache/cache.py tells a lost
invalidation by it).
"""

import hashlib
import logging
import math
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

LOG_INTERVAL = 60
RETRY_SECONDS = 1
MAX_RETRY_SECONDS = 30
# What a number file holds at most: a time in nanoseconds has 19 digits.
NUMBER_FILE_BYTES = 64
# Paths of number files worked out (NumberFileCache.path), at most.
KNOWN_PATHS = 10_000
# Sent with `location` (the store's LOCATION) after each operation failed or not tried.
cache_failed = Signal()


@dataclass
class StoreHealth:
    """What this process knows of one store (a LOCATION), shared by its aliases and threads."""

    retry_at: float = 0.0
    logged_at: float = -math.inf
    failures_in_a_row: int = 0


stores = {}


class FailSoftCache:
    """Mixin for a Django cache backend: `failures` are the exceptions meaning the store
    failed; the backend's LOCATION is the first argument of its constructor."""

    failures = ()

    def __init__(self, location, params):
        self.location = str(location)
        try:
            super().__init__(location, params)
        except self.failures as error:  # the file cache makes its folder at once
            self.note_failure(error)

    def attempt(self, operation, miss, *args, **kwargs):
        """operation(*args, **kwargs), or `miss` when the store fails or failed just before."""
        health = self.health()
        if time.monotonic() >= health.retry_at:
            try:
                result = operation(*args, **kwargs)
            except self.failures as error:
                self.note_failure(error)
            else:
                health.failures_in_a_row = 0
                return result
        cache_failed.send(sender=type(self), location=self.location)
        return miss

    def health(self):
        return stores.setdefault(self.location, StoreHealth())

    def note_failure(self, error):
        health = self.health()
        now = time.monotonic()
        wait = min(RETRY_SECONDS * 2**health.failures_in_a_row, MAX_RETRY_SECONDS)
        health.failures_in_a_row += 1
        health.retry_at = now + wait
        if now - health.logged_at >= LOG_INTERVAL:
            health.logged_at = now
            logger.error("Cache %s unavailable, pages served without it: %r", self.location, error)

    def get(self, key, default=None, version=None):
        return self.attempt(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self.attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self.attempt(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.attempt(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set_many, list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self.attempt(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self.attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self.attempt(super().clear, False)


class FailSoftRedisCache(FailSoftCache, RedisCache):
    """Django's Redis cache, failing soft (the production settings' "default" and "pages")."""

    @cached_property
    def failures(self):
        from redis.exceptions import RedisError  # the redis package is a production extra

        return (RedisError,)


class FailSoftFileCache(FailSoftCache, FileBasedCache):
    """Django's file cache, failing soft on a full or unwritable disk (production's page cache
    without Redis)."""

    failures = (OSError,)


class NumberFileCache(BaseCache):
    """Whole numbers in a folder, a small file each, never expiring nor culled: the page
    cache's generation and versions on one machine without Redis (Django's file cache culls a
    third of its files at random past MAX_ENTRIES, and there is a version per page that has
    comments). A number is read without unpickling nor decompressing, as every request reads
    a few; written to a file of its own, then renamed (set) or linked (add) into place, so
    that no reader sees half of it."""

    def __init__(self, location, params):
        super().__init__(params)
        self.directory = str(location)
        self.paths = {}
        os.makedirs(self.directory, exist_ok=True)

    def path(self, key, version=None):
        """The file of `key`, its name worked out once (this runs a few times a request)."""
        path = self.paths.get((key, version))
        if path is None:
            name = hashlib.sha256(self.make_key(key, version).encode()).hexdigest()
            path = os.path.join(self.directory, f"{name}.number")
            if len(self.paths) >= KNOWN_PATHS:
                self.paths.clear()
            self.paths[key, version] = path
        return path

    def get(self, key, default=None, version=None):
        """(os.open and os.read: a third of the time of open(), which builds a buffered file.)"""
        try:
            descriptor = os.open(self.path(key, version), os.O_RDONLY)
        except FileNotFoundError:
            return default
        try:
            data = os.read(descriptor, NUMBER_FILE_BYTES + 1)
        finally:
            os.close(descriptor)
        if len(data) > NUMBER_FILE_BYTES or not data.strip().isdigit():
            return default  # not one of ours: made again
        return int(data)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        os.replace(self.written(value), self.path(key, version))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        written = self.written(value)
        try:
            os.link(written, self.path(key, version))
        except FileExistsError:
            return False
        finally:
            os.unlink(written)
        return True

    def written(self, value):
        """A new file holding `value`, beside the numbers."""
        descriptor, name = tempfile.mkstemp(dir=self.directory, suffix=".writing")
        with os.fdopen(descriptor, "wb") as file:
            file.write(str(int(value)).encode())
        return name

    def has_key(self, key, version=None):
        return os.path.exists(self.path(key, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.has_key(key, version)

    def delete(self, key, version=None):
        try:
            os.unlink(self.path(key, version))
        except FileNotFoundError:
            return False
        return True

    def clear(self):
        for path in Path(self.directory).glob("*.number"):
            path.unlink(missing_ok=True)


class FailSoftNumberFileCache(FailSoftCache, NumberFileCache):
    """NumberFileCache failing soft on a full or unwritable disk (production's generation and
    versions without Redis)."""

    failures = (OSError,)
