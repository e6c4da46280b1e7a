from django.core.cache.backends.filebased import FileBasedCache

from .cache import GENERATION_KEY


class PageFileCache(FileBasedCache):
    """Django's file cache, whose culling (when it holds more than MAX_ENTRIES files, a random
    third of them go) spares the generation (pagecache/cache.py): culled, it would invalidate
    every page and datum at once, and again at each cull of a full cache."""

    def _list_cache_files(self):
        generation_file = self._key_to_file(GENERATION_KEY)
        return [path for path in super()._list_cache_files() if path != generation_file]
