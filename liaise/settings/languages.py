"""The site's languages from the environment alone: LANGUAGES=en,fr,de (Django's language
codes, the first one the source language). Names, search configurations and the rest are
derived here; docs/translation.md, "Adding a language"."""

import os

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

# PostgreSQL's own text search configurations, named after the language (in English); French
# gets ours, which also ignores accents (search/migrations/0001). Others search as "simple".
POSTGRESQL_CONFIGS = {
    "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish",
    "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian",
    "nepali", "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish",
    "swedish", "tamil", "turkish", "yiddish",
}  # fmt: skip
PROJECT_CONFIGS = {"fr": "french_unaccent"}


def language_codes(value):
    """The codes of LANGUAGES ("en,fr"), each one Django knows."""
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANG_INFO or "fallback" in LANG_INFO[code]]
    if not codes or unknown:
        raise ImproperlyConfigured(
            f"LANGUAGES={value!r}: give language codes Django knows, comma-separated, the "
            f"source language first (unknown: {', '.join(unknown) or 'none given'})."
        )
    return codes


def display_name(code):
    """The language's own name, as the language switcher shows it: "Français", "Deutsch"."""
    name = LANG_INFO[code]["name_local"]
    return name[:1].upper() + name[1:]


def search_config(code):
    """The PostgreSQL text search configuration of a language: SEARCH_CONFIG_<CODE> from the
    environment if set, else the project's or PostgreSQL's own, else "simple"."""
    override = os.environ.get(f"SEARCH_CONFIG_{code.upper().replace('-', '_')}")
    if override:
        return override
    if code in PROJECT_CONFIGS:
        return PROJECT_CONFIGS[code]
    name = LANG_INFO[code]["name"].lower()
    return name if name in POSTGRESQL_CONFIGS else "simple"


def search_backends(codes):
    """One search backend per language (search/backends.py): the source language's is the
    default one."""
    source, *others = codes
    return {
        "default" if code == source else code: {
            "BACKEND": "search.backends",
            "LANGUAGE": code,
            "SEARCH_CONFIG": search_config(code),
        }
        for code in [source, *others]
    }
