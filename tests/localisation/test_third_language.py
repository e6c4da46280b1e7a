"""A language added through the environment alone (LANGUAGES=en,fr,de): its settings are
derived, `check` says its interface catalogue is missing, and a translator opens its tree from
the admin, through the same review, after which visitors read it (docs/translation.md,
"Adding a language")."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from liaise.settings.languages import display_name, language_codes, search_backends
from localisation.signals import create_content_locales
from search.backends import search_backend_for
from tests.factories import (
    DocumentFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

WITH_GERMAN = ["en", "fr", "de"]
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps([settings.LANGUAGE_CODE, settings.LANGUAGES, "
    "settings.WAGTAILSEARCH_BACKENDS['de']['SEARCH_CONFIG']]))"
)


def run_with_languages(languages, *argv):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "liaise.settings.dev",
        "LANGUAGES": languages,
    }
    return subprocess.run(
        [sys.executable, *argv],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_language_comes_from_the_environment_with_its_name_and_stemming():
    result = run_with_languages("en,fr,de", "-c", PRINT_SETTINGS)

    assert result.returncode == 0, result.stderr
    source, languages, german_search = json.loads(result.stdout.splitlines()[-1])
    assert source == "en"
    assert languages == [["en", "English"], ["fr", "Français"], ["de", "Deutsch"]]
    assert german_search == "german"


def test_check_says_which_interface_catalogue_is_missing():
    result = run_with_languages("en,fr,de", "manage.py", "check")

    assert "localisation.W001" in result.stderr + result.stdout
    assert "German catalogue (de)" in result.stderr + result.stdout
    assert "French" not in result.stderr + result.stdout


def test_a_language_django_does_not_know_is_refused_with_the_reason():
    result = run_with_languages("en,xx", "manage.py", "check")

    assert result.returncode != 0
    assert "LANGUAGES='en,xx': give language codes Django knows" in result.stderr


@pytest.fixture
def german_site(settings, home):
    """The settings LANGUAGES=en,fr,de gives, and `migrate`'s locales."""
    codes = language_codes(",".join(WITH_GERMAN))
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        (code, display_name(code)) for code in codes
    ]
    settings.WAGTAILSEARCH_BACKENDS = search_backends(codes)
    create_content_locales(plan=[])
    return home


def translate_everything(client, translation, words):
    """The translator's work in the translation editor: every string, as `words` says."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        german = words.get(segment.string.data, segment.string.data)
        client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            data=f"value={german}",
            content_type="application/x-www-form-urlencoded",
        )


def translate_into_german(page, words, django_capture_on_commit_callbacks):
    """A German translation of `page` published at once, as the translate fixture does for
    French (wagtail-localize publishes after the commit)."""
    german = Locale.objects.get(language_code="de")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=german)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=german,
                context=segment.context,
                defaults={"data": words[segment.string.data]},
            )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(german)


def test_a_translator_opens_the_german_tree_and_visitors_read_it(
    client, german_site, translator, moderator
):
    home = german_site
    german = Locale.objects.get(language_code="de")
    client.force_login(translator)

    started = client.post(reverse("localisation_start_translation", args=[home.pk, "de"]))
    german_home = home.get_translation(german)
    assert started.status_code == 302
    translation = Translation.objects.get(
        target_locale=german, source__object_id=home.translation_key
    )
    # Home pages share their parent, the root: the German one needs a slug of its own.
    words = {home.intro: "Lokale Institutionen, Extremismus.", home.slug: "liaise-de"}
    translate_everything(client, translation, words)
    client.post(reverse("localisation_submit_for_moderation", args=[translation.pk]))
    german_home.refresh_from_db()
    assert german_home.workflow_in_progress
    # Not before a moderator approves (meanwhile /de/ shows the English home, as Wagtail does).
    assert "Lokale Institutionen" not in client.get("/de/").content.decode()

    client.force_login(moderator)
    task_state = german_home.current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{german_home.pk}/approve/{task_state.pk}/")

    client.logout()
    page = client.get("/de/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="de"' in html
    assert "Lokale Institutionen, Extremismus." in html
    assert 'hreflang="de"' in client.get("/en/").content.decode()


def test_german_pages_are_searched_with_german_stemming(
    client, german_site, django_capture_on_commit_callbacks
):
    translate_into_german(german_site, {}, django_capture_on_commit_callbacks)
    about = StandardPageFactory(parent=german_site, title="About", intro="Cities and regions.")
    translate_into_german(
        about,
        {"About": "Über uns", "Cities and regions.": "Städte und Regionen arbeiten zusammen."},
        django_capture_on_commit_callbacks,
    )

    html = client.get("/de/search/", {"q": "Stadt"}).content.decode()

    assert search_backend_for("de") == "de"
    assert "Über uns" in html


def test_a_german_resource_with_the_english_file_says_so(
    client, german_site, django_capture_on_commit_callbacks
):
    library = ResourceIndexPageFactory(parent=german_site)
    resource = ResourcePageFactory(parent=library, document=DocumentFactory(), file_language="en")
    for page in (german_site, library):
        translate_into_german(page, {}, django_capture_on_commit_callbacks)
    german_resource = translate_into_german(resource, {}, django_capture_on_commit_callbacks)

    response = client.get(german_resource.url)

    assert response.context["file"]["notice"]
    assert "Only available in" in response.content.decode()
