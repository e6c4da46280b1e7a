import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from localisation.status import statuses_needing_attention, translation_statuses
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ABOUT_IN_FRENCH = {
    "About LIAISE 2": "À propos de LIAISE 2",
    "about": "a-propos",
    "What the project does.": "Ce que fait le projet.",
}


@pytest.fixture
def french_about(french_home, about, translate):
    translate(about, ABOUT_IN_FRENCH)
    return about.get_translation(Locale.objects.get(language_code="fr"))


def publish_english_edit(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_fully_translated_page_needs_no_attention(about, french_about):
    assert about.pk not in [
        status.source.pk for status in statuses_needing_attention() if status.is_page
    ]
    status = next(s for s in translation_statuses() if s.is_page and s.source.pk == about.pk)
    assert status.percent_done == 100


def test_publishing_an_english_edit_updates_the_translation_source(about, french_about):
    publish_english_edit(about, intro="What the project does, in more detail.")

    status = next(s for s in statuses_needing_attention() if s.is_page and s.source.pk == about.pk)
    assert status.source_changed
    assert status.percent_done < 100
    source_strings = set(status.translation.source.stringsegment_set.values_list("string__data"))
    assert ("What the project does, in more detail.",) in source_strings


def test_english_edit_falls_back_in_the_french_draft_and_keeps_translated_strings(
    about, french_about
):
    publish_english_edit(about, intro="What the project does, in more detail.")

    french_about.refresh_from_db()
    draft = french_about.get_latest_revision().content
    assert draft["intro"] == "What the project does, in more detail."
    assert draft["title"] == "À propos de LIAISE 2"
    assert french_about.intro == "Ce que fait le projet."  # what is live waits for review


def test_dashboard_lists_translations_needing_attention_for_moderators(client, about, french_about):
    moderator = UserFactory(groups=[Group.objects.get(name=MODERATORS)])
    publish_english_edit(about, intro="What the project does, in more detail.")
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    assert "Translations needing attention" in html
    assert f"/admin/pages/{french_about.pk}/edit/" in html
    assert "English source changed since last publication" in html


def test_translation_status_report_lists_every_translated_page(
    admin_client, french_home, french_about, django_assert_max_num_queries
):
    # A fixed number whatever the pages: the user's second-factor devices (one query per kind),
    # and per snippet type (topics, team) its two languages, for the report and the menu's count.
    with django_assert_max_num_queries(36):
        html = admin_client.get("/admin/reports/translation-status/?state=all").content.decode()

    assert "À propos de LIAISE 2" in html
    assert "LIAISE 2 en français" in html
    assert "100&nbsp;%" in html


@pytest.mark.parametrize(("group", "allowed"), [(TRANSLATORS, True), (EDITORS, False)])
def test_translation_status_report_is_for_those_who_translate(client, home, group, allowed):
    client.force_login(UserFactory(groups=[Group.objects.get(name=group)]))

    response = client.get("/admin/reports/translation-status/")
    menu = client.get("/admin/").content.decode()

    assert (response.status_code == 200) is allowed
    assert ("/admin/reports/translation-status/" in menu) is allowed
