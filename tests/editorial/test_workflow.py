import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

pytestmark = pytest.mark.django_db


def approve_or_reject(client, moderator, page, action, comment=""):
    task_state = page.current_workflow_task_state
    client.force_login(moderator)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def test_editor_cannot_publish_directly(edit_page, editor, draft_page):
    edit_page(editor, draft_page, "action-publish", intro="Published by an editor?")

    draft_page.refresh_from_db()
    assert not draft_page.live
    assert draft_page.get_latest_revision().content["intro"] == "Published by an editor?"


def test_moderator_can_publish_directly(edit_page, moderator, draft_page):
    edit_page(moderator, draft_page, "action-publish", intro="Checked and published.")

    draft_page.refresh_from_db()
    assert draft_page.live
    assert draft_page.intro == "Checked and published."


def test_submitted_page_goes_live_when_a_moderator_approves(
    client, edit_page, editor, moderator, draft_page, deliver_mail
):
    edit_page(editor, draft_page, "action-submit", intro="Ready for review.")
    draft_page.refresh_from_db()
    assert draft_page.workflow_in_progress
    assert not draft_page.live
    assert moderator.email in [address for message in deliver_mail() for address in message.to]

    mail.outbox.clear()
    approve_or_reject(client, moderator, draft_page, "approve")

    draft_page.refresh_from_db()
    assert draft_page.live
    assert draft_page.intro == "Ready for review."
    assert [message.to for message in deliver_mail()] == [[editor.email]]


def test_requested_changes_keep_the_page_unpublished_and_notify_the_editor(
    client, edit_page, editor, moderator, draft_page, deliver_mail
):
    edit_page(editor, draft_page, "action-submit")
    deliver_mail().clear()

    approve_or_reject(client, moderator, draft_page, "reject", comment="Please add the venue.")

    draft_page.refresh_from_db()
    assert not draft_page.live
    assert not draft_page.workflow_in_progress
    outbox = deliver_mail()
    assert [message.to for message in outbox] == [[editor.email]]
    assert "Please add the venue." in outbox[0].body


def test_history_records_who_submitted_approved_and_published(
    client, edit_page, editor, moderator, draft_page
):
    edit_page(editor, draft_page, "action-submit")
    approve_or_reject(client, moderator, draft_page, "approve")

    actions = set(
        PageLogEntry.objects.filter(page=draft_page).values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "editor") in actions
    assert ("wagtail.workflow.approve", "moderator") in actions
    assert ("wagtail.publish", "moderator") in actions


def test_editor_sees_their_pages_awaiting_review_on_the_dashboard(
    client, edit_page, editor, draft_page
):
    edit_page(editor, draft_page, "action-submit")

    html = client.get("/admin/").content.decode()

    assert "Draft about page" in html
    assert "Moderator approval" in html


def test_scheduled_page_goes_live_when_publish_scheduled_runs_after_its_time(
    edit_page, moderator, draft_page
):
    go_live_at = timezone.now() + datetime.timedelta(days=2)
    edit_page(
        moderator,
        draft_page,
        "action-publish",
        go_live_at=timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M"),
    )
    call_command("publish_scheduled")
    draft_page.refresh_from_db()
    assert not draft_page.live

    with time_machine.travel(go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    draft_page.refresh_from_db()
    assert draft_page.live
