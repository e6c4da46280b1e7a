"""Translators find the work, start it themselves and submit it from the editor's footer;
moderators approve it from the translated draft."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from editorial.roles import EDITORS
from localisation.status import State, statuses_needing_attention, translation_statuses
from news.models import Topic
from tests.factories import StandardPageFactory, UserFactory
from tests.localisation.test_translator_workflow import fill_string_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home):
    return StandardPageFactory(parent=home, title="Events", slug="events")


def start(client, page):
    return client.post(reverse("localisation_start_translation", args=[page.pk, "fr"]))


def work_list(client, **filters):
    return client.get(reverse("localisation_translation_status"), filters).content.decode()


def status_of(page):
    return next(s for s in translation_statuses() if s.is_page and s.source.pk == page.pk)


def test_english_page_without_french_version_is_listed_with_a_translate_action(
    client, translator, french_home, about
):
    client.force_login(translator)

    html = work_list(client)

    assert status_of(about).state == State.MISSING
    assert "About LIAISE 2" in html
    assert reverse("localisation_start_translation", args=[about.pk, "fr"]) in html


def test_translator_starts_the_french_version_as_a_draft_in_the_french_tree(
    client, translator, french_home, about
):
    client.force_login(translator)

    response = start(client, about)

    french_about = about.get_translation(Locale.objects.get(language_code="fr"))
    assert response.url == reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    assert french_about.get_parent().pk == french_home.pk
    assert not french_about.live
    assert client.get(response.url).status_code == 200
    assert status_of(about).state == State.INCOMPLETE


def test_translation_waits_for_its_parent_to_be_translated(client, translator, french_home, about):
    child = StandardPageFactory(parent=about, title="Team", slug="team")
    client.force_login(translator)

    start(client, child)

    assert not child.has_translation(Locale.objects.get(language_code="fr"))
    assert not about.has_translation(Locale.objects.get(language_code="fr"))


def test_editors_cannot_start_translations(client, french_home, about):
    client.force_login(UserFactory(groups=[Group.objects.get(name=EDITORS)]))

    response = start(client, about)

    assert response.status_code in (302, 403)
    assert not about.has_translation(Locale.objects.get(language_code="fr"))


def test_work_list_filters_by_section_and_state(client, translator, french_home, about, events):
    client.force_login(translator)

    by_section = work_list(client, section=events.pk)
    by_state = work_list(client, state=State.INCOMPLETE)

    assert reverse("localisation_start_translation", args=[events.pk, "fr"]) in by_section
    assert reverse("localisation_start_translation", args=[about.pk, "fr"]) not in by_section
    assert "LIAISE 2 en français" in by_state
    assert reverse("localisation_start_translation", args=[about.pk, "fr"]) not in by_state


def test_admin_menu_counts_translations_needing_attention(client, translator, french_home, about):
    client.force_login(translator)

    waiting = len(statuses_needing_attention())

    html = client.get("/admin/").content.decode()

    assert waiting
    assert f"Translations ({waiting})" in html


def test_translator_footer_submits_for_moderation_and_offers_no_delete(
    client, translator, french_home, about
):
    client.force_login(translator)
    french_about_pk = start(client, about).url.split("/")[-3]

    html = client.get(f"/admin/pages/{french_about_pk}/edit/").content.decode()
    client.post(f"/admin/pages/{french_about_pk}/delete/")

    assert "localisation-own-footer" in html
    assert 'class="footer localisation-footer"' in html
    assert reverse("localisation_submit_for_moderation", args=[1]).rsplit("/1/", 1)[0] in html
    assert about.has_translation(Locale.objects.get(language_code="fr"))


def translation_into_french(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="fr"
    )


@pytest.fixture
def french_about_in_review(client, translator, french_home, about):
    """The translator starts "About", translates its title and submits it."""
    client.force_login(translator)
    start(client, about)
    translation = translation_into_french(about)
    fill_string_in_editor(client, translation, "About LIAISE 2", "À propos de LIAISE 2")
    response = client.post(reverse("localisation_submit_for_moderation", args=[translation.pk]))
    page = about.get_translation(Locale.objects.get(language_code="fr"))
    return translation, page, response


def test_submission_message_names_the_page_in_french(french_about_in_review):
    _translation, _page, response = french_about_in_review

    shown = [str(message) for message in get_messages(response.wsgi_request)]

    assert any("À propos de LIAISE 2" in message for message in shown)


def test_moderator_sees_the_review_and_approves_from_the_french_draft(
    client, moderator, french_about_in_review
):
    translation, page, _response = french_about_in_review
    client.force_login(moderator)

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    response = client.post(reverse("localisation_approve_and_publish", args=[translation.pk]))

    page.refresh_from_db()
    assert "Approve and publish in French" in html
    assert "/reject/" in html
    assert page.live
    assert page.title == "À propos de LIAISE 2"
    assert not page.workflow_in_progress
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert "“À propos de LIAISE 2” was approved and published in French." in shown


def test_publishing_a_french_draft_in_review_goes_through_approval(
    client, moderator, french_about_in_review
):
    _translation, page, _response = french_about_in_review
    client.force_login(moderator)

    client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})

    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()


def test_translators_cannot_approve_their_own_translation(
    client, translator, french_about_in_review
):
    translation, page, _response = french_about_in_review

    client.post(reverse("localisation_approve_and_publish", args=[translation.pk]))

    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


def test_translators_can_neither_stop_a_translation_nor_turn_it_into_an_alias(
    client, translator, french_about_in_review
):
    translation, page, _response = french_about_in_review

    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))

    translation.refresh_from_db()
    page.refresh_from_db()
    assert translation.enabled
    assert page.alias_of_id is None


def test_moderators_can_still_stop_a_synced_translation(client, moderator, french_about_in_review):
    translation, _page, _response = french_about_in_review
    client.force_login(moderator)

    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))

    translation.refresh_from_db()
    assert not translation.enabled


def test_untranslated_snippets_are_listed_with_wagtail_localizes_translate_form(
    client, translator, french_home
):
    topic = Topic.objects.create(name="Evaluation", slug="evaluation")
    client.force_login(translator)

    html = work_list(client)
    form = client.get(status_of_snippet(topic).start_url)

    assert "Evaluation" in html
    assert status_of_snippet(topic).state == State.MISSING
    assert form.status_code == 200


def test_snippet_translation_with_english_strings_left_is_incomplete(french_home, translate):
    topic = Topic.objects.create(name="Evaluation", slug="evaluation")

    translate(topic, {"Evaluation": "Évaluation"})

    assert status_of_snippet(topic).state == State.INCOMPLETE
    assert status_of_snippet(topic).percent_done == 50


def status_of_snippet(snippet):
    return next(s for s in translation_statuses() if not s.is_page and s.source.pk == snippet.pk)


def test_dashboard_offers_translators_to_start_untranslated_pages(
    client, translator, french_home, about
):
    client.force_login(translator)

    html = client.get("/admin/").content.decode()

    assert "Translations needing attention" in html
    assert reverse("localisation_start_translation", args=[about.pk, "fr"]) in html
    assert "csrfmiddlewaretoken" in html


def test_translator_footer_speaks_the_translators_admin_language(
    client, translator, french_home, about
):
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(translator)
    french_about_url = start(client, about).url

    html = client.get(french_about_url).content.decode()

    assert "Soumettre la traduction en français à la modération" in html


def test_translators_cannot_stop_the_synced_translation_of_a_topic(
    client, translator, french_home, translate
):
    topic = Topic.objects.create(name="Evaluation", slug="evaluation")
    translation = translate(topic, {"Evaluation": "Évaluation"})
    client.force_login(translator)

    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))

    translation.refresh_from_db()
    assert translation.enabled
