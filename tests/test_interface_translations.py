"""The interface (templates, model and form labels, messages) is fully translated into French.

The catalogue is locale/fr/LC_MESSAGES/django.po; django.mo is compiled from it and committed, so
running the site needs no gettext. `make messages` updates both.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")

# The same directories `make messages` leaves out.
NOT_INTERFACE = [".venv/*", "tests/*", "static_collected/*", "media/*", "test-artifacts/*"]


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def label(entry_key):
    context, msgid = entry_key
    return f"{msgid!r} (context {context!r})" if context else repr(msgid)


def translations(catalogue):
    """{(context, msgid): msgstr, or the tuple of plural msgstrs} of the live entries."""
    return {
        key(entry): (
            tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in catalogue
        if not entry.obsolete
    }


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def test_french_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))

    untranslated = [label(key(entry)) for entry in catalogue if not is_translated(entry)]

    assert len(catalogue) > 0
    assert not catalogue.metadata_is_fuzzy, "the header of django.po is marked fuzzy"
    assert catalogue.metadata["Language"] == "fr"
    assert not untranslated, "Untranslated or fuzzy in django.po: " + ", ".join(untranslated)


def test_compiled_catalogue_matches_the_source():
    source = translations(polib.pofile(str(CATALOGUE)))
    compiled = translations(polib.mofile(str(COMPILED)))

    assert compiled == source, "django.mo is out of date: run `make messages` and commit it"


def test_every_marked_string_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    if shutil.which("xgettext") is None:
        pytest.fail(
            "xgettext (GNU gettext) is missing, so the marked strings cannot be extracted: "
            "apt-get install gettext (.ci/run installs it in CI)."
        )
    # makemessages writes next to the sources it reads (the locale directory, and temporary
    # copies of the templates), so it runs on a copy of the project.
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".*", "tests", "media", "static_collected", "test-artifacts", "__pycache__", "*.sqlite3"
        ),
    )
    monkeypatch.chdir(project)
    settings.LOCALE_PATHS = [project / "locale"]

    call_command(
        "makemessages",
        locale=["fr"],
        ignore_patterns=NOT_INTERFACE,
        keep_pot=True,
        verbosity=0,
    )

    extracted = polib.pofile(str(project / "locale" / "django.pot"))
    committed = {key(entry): entry for entry in polib.pofile(str(CATALOGUE))}
    missing = [
        label(key(entry))
        for entry in extracted
        if key(entry) not in committed
        or committed[key(entry)].msgid_plural != entry.msgid_plural
        or not is_translated(committed[key(entry)])
    ]
    assert ("", "Page not found") in {key(entry) for entry in extracted}
    assert not missing, (
        "Marked for translation but without a French translation in django.po "
        "(run `make messages`, translate, run it again): " + ", ".join(missing)
    )


def test_not_found_page_is_french_under_fr(client, home):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Page introuvable" in html
    assert "Aller à la page d’accueil" in html
    assert "Page not found" not in html


def test_french_request_shows_the_interface_in_french(client, home):
    response = client.get("/fr/recherche/?q=x")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Aller au contenu principal" in html
    assert "Rechercher sur le site" in html
    assert "Aucun résultat pour «\u00a0x\u00a0»." in html
    assert "Cofinancé par l’Union européenne" in html
    assert "Search the site" not in html
    assert "Skip to main content" not in html


def test_english_request_keeps_the_english_interface(client, home):
    html = client.get("/en/search/?q=x").content.decode()

    assert "Search the site" in html
    assert "Rechercher sur le site" not in html
