"""Search backends that each own one language: one backend per entry of WAGTAILSEARCH_BACKENDS,
named by its LANGUAGE option, with the PostgreSQL text search configuration of that language.

Wagtail's database backends all write to one table (one row per object), and every backend
with auto-update indexes every saved object, so with plain backends the last one to write would
decide the language of every row. Here each backend writes only the rows of its own language:
the French backend indexes French pages with the French configuration, the default backend
everything else. The backends therefore never overwrite each other, Wagtail's own signal
handlers keep the index current, and `manage.py update_index` rebuilds it correctly.

Searching in a language goes through the same backend (search_backend_for), so the query is
stemmed like the pages it looks for. On other databases than PostgreSQL (SQLite in development)
there are no text search configurations: every backend is Wagtail's plain database backend.
"""

from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Locale, TranslatableMixin
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)

from .limits import refuse_too_long

DEFAULT_BACKEND = "default"


def search_backend_for(language_code):
    """Name of the backend that indexes and searches content in this language: the one whose
    LANGUAGE option it is, otherwise the default backend."""
    backends = get_app_config().get_search_backend_config()
    for name, options in backends.items():
        if options.get("LANGUAGE") == language_code:
            return name
    return DEFAULT_BACKEND


class LanguageIndex(PostgresIndex):
    """The shared index table, written only for the objects of the backend's language."""

    def add_items(self, model, objs):
        super().add_items(model, self.backend.own_objects(model, objs))


class LanguageSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search for one language: options LANGUAGE (a language code) and
    SEARCH_CONFIG (its text search configuration, e.g. "english")."""

    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.name = search_backend_for(params["LANGUAGE"])

    def search(self, query, *args, **kwargs):
        refuse_too_long(query)
        return super().search(query, *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        refuse_too_long(query)
        return super().autocomplete(query, *args, **kwargs)

    def own_objects(self, model, objs):
        """The objects this backend indexes: those in its language. Objects without a language
        (images, documents…) belong to the default backend."""
        if not issubclass(model, TranslatableMixin):
            return objs if self.name == DEFAULT_BACKEND else []
        languages_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
        return [
            obj
            for obj in objs
            if search_backend_for(languages_by_locale[obj.locale_id]) == self.name
        ]


def SearchBackend(params):
    """What Wagtail instantiates for BACKEND "search.backends"."""
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    return database.SearchBackend(params)
