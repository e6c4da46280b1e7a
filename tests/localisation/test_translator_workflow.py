import io

import polib
import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment

pytestmark = pytest.mark.django_db

ABOUT_IN_FRENCH = {"About LIAISE 2": "À propos de LIAISE 2", "about": "a-propos"}


@pytest.fixture
def french_about(french_home, about, translate):
    translation = translate(about, ABOUT_IN_FRENCH)
    return translation, translation.get_target_instance().specific


def fill_string_in_editor(client, translation, english, french):
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=f"value={french}",
        content_type="application/x-www-form-urlencoded",
    )


def submit(client, translation):
    return client.post(reverse("localisation_submit_for_moderation", args=[translation.pk]))


def approve(client, moderator, page):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")


def test_translator_submits_and_a_moderator_publishes_the_french_text(
    client, translator, moderator, french_about
):
    translation, page = french_about
    client.force_login(translator)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    fill_string_in_editor(client, translation, "What the project does.", "Ce que fait le projet.")

    submit(client, translation)

    page.refresh_from_db()
    assert page.intro != "Ce que fait le projet."
    assert page.workflow_in_progress
    assert page.get_latest_revision().content["intro"] == "Ce que fait le projet."

    approve(client, moderator, page)

    page.refresh_from_db()
    assert page.intro == "Ce que fait le projet."
    assert "Ce que fait le projet." in client.get("/fr/a-propos/").content.decode()


def test_translation_editor_offers_submission_for_moderation(client, translator, french_about):
    _translation, page = french_about
    client.force_login(translator)

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "Submit the French translation for moderation" in html


def test_translator_cannot_publish_from_the_translation_editor(client, translator, french_about):
    translation, page = french_about
    client.force_login(translator)
    fill_string_in_editor(client, translation, "What the project does.", "Ce que fait le projet.")

    response = client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})

    page.refresh_from_db()
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    assert page.intro != "Ce que fait le projet."
    assert not page.has_unpublished_changes


def test_translator_cannot_edit_the_english_page(client, translator, french_about, about):
    client.force_login(translator)

    response = client.get(f"/admin/pages/{about.pk}/edit/")

    assert response.status_code in (302, 403)
    assert not about.permissions_for_user(translator).can_edit()


def test_anonymous_visitors_cannot_reach_the_translation_editor(client, french_about):
    translation, page = french_about

    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    submission = submit(client, translation)

    assert editor.status_code == 302
    assert "/admin/login/" in editor.url
    assert submission.status_code == 302
    assert "/admin/login/" in submission.url


def test_po_file_round_trip_reaches_the_french_page_after_approval(
    client, translator, moderator, french_about
):
    translation, page = french_about
    client.force_login(translator)
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    for entry in po:
        if entry.msgid == "What the project does.":
            entry.msgstr = "Ce que fait le projet, importé d’un fichier PO."
    upload = io.BytesIO(str(po).encode())
    upload.name = "about-fr.po"
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": f"/admin/pages/{page.pk}/edit/"},
    )

    submit(client, translation)
    approve(client, moderator, page)

    assert "importé d’un fichier PO" in client.get("/fr/a-propos/").content.decode()


def test_machine_translation_fills_missing_strings_with_the_configured_translator(
    client, translator, french_about
):
    translation, _page = french_about
    client.force_login(translator)

    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))

    total, translated = translation.get_progress()
    assert translated == total
