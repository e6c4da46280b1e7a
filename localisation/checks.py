"""`manage.py check` says which language of the site has no catalogue of the interface: its
visitors and users read the project's own strings in English (Django's and Wagtail's come in
their language all the same)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Warning
from django.utils.translation import get_language_info

# The language the interface is written in: it needs no catalogue.
INTERFACE_SOURCE_LANGUAGE = "en"


def missing_interface_catalogues(app_configs, **kwargs):
    return [
        Warning(
            f"The interface has no {get_language_info(code)['name']} catalogue ({code}): its "
            "strings show in English.",
            hint=(
                f"Add locale/{code}/LC_MESSAGES/django.po with `make messages "
                f"MESSAGES_LANGUAGE={code}`, translate it, then run it again "
                "(docs/translation.md)."
            ),
            id="localisation.W001",
        )
        for code, _name in settings.LANGUAGES
        if code != INTERFACE_SOURCE_LANGUAGE and not has_catalogue(code)
    ]


def has_catalogue(code):
    return any(
        (Path(path) / code / "LC_MESSAGES" / "django.mo").exists() for path in settings.LOCALE_PATHS
    )
