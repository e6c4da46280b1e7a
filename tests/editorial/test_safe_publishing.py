"""Publishing that no stray request undoes: autosave racing Approve and Publish, a double click,
a second tab, a request that fails half-way (editorial/publishing.py)."""

import threading
import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from wagtail import hooks
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def approve(edit_page):
    """POST the editor's "Approve and publish", as the review modal submits it."""

    def post(user, page, **extra):
        return edit_page(
            user,
            page,
            "action-workflow-action",
            **{"workflow-action-name": "approve", "workflow-action-extra-data": '{"comment": ""}'},
            **extra,
        )

    return post


@pytest.fixture
def page_in_review(edit_page, editor, draft_page):
    edit_page(editor, draft_page, "action-submit", intro="Ready for review.")
    draft_page.refresh_from_db()
    assert draft_page.workflow_in_progress
    return draft_page


def messages_shown_after(client, response):
    """The text of the messages on the page the browser goes to next."""
    page = BeautifulSoup(client.get(response.url).content, "html.parser")
    return [" ".join(message.get_text().split()) for message in page.select(".messages li")]


def test_approving_says_the_page_was_approved_and_published(
    client, approve, moderator, page_in_review
):
    response = approve(moderator, page_in_review)

    page_in_review.refresh_from_db()
    assert page_in_review.live
    shown = messages_shown_after(client, response)
    assert "'Draft about page' approved and published." in shown
    assert not any("has been updated" in message for message in shown)


def test_an_autosave_carrying_the_approval_changes_nothing(approve, moderator, page_in_review):
    approve(moderator, page_in_review)
    revisions = page_in_review.revisions.count()

    late_autosave = approve(moderator, page_in_review, headers=AUTOSAVE)

    assert late_autosave.status_code == 400
    assert late_autosave.json()["error_code"] == "invalid_revision"
    page_in_review.refresh_from_db()
    assert page_in_review.live
    assert not page_in_review.has_unpublished_changes
    assert page_in_review.revisions.count() == revisions


def test_a_second_approval_from_another_tab_changes_nothing_and_says_so(
    client, approve, moderator, page_in_review
):
    approve(moderator, page_in_review)

    second = approve(moderator, page_in_review, intro="Typed in the old tab.")

    assert second.status_code == 302
    assert second.url == f"/admin/pages/{page_in_review.pk}/edit/"
    assert any("Nothing more was changed" in text for text in messages_shown_after(client, second))
    page_in_review.refresh_from_db()
    assert page_in_review.live
    assert page_in_review.intro == "Ready for review."
    assert not page_in_review.has_unpublished_changes


def test_a_request_that_fails_half_way_leaves_the_page_as_it_was(
    client, edit_page, moderator, draft_page
):
    def fail_after_saving(request, page):
        raise RuntimeError("the process dies after the page was saved")

    client.raise_request_exception = False
    with hooks.register_temporarily("after_edit_page", fail_after_saving):
        response = edit_page(moderator, draft_page, "action-publish", intro="Half-way.")

    assert response.status_code == 500
    draft_page.refresh_from_db()
    assert not draft_page.live
    assert draft_page.intro != "Half-way."
    assert not PageLogEntry.objects.filter(page=draft_page, action="wagtail.publish").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_waits_for_the_first_approval_and_then_changes_nothing(
    client, approve, moderator, page_in_review
):
    """The first click's request still holds the page (here: a thread publishing slowly) when
    the second arrives: the second waits, then finds the review ended."""
    locked = threading.Event()

    def first_click_still_publishing():
        try:
            with transaction.atomic():
                Page.objects.select_for_update().get(pk=page_in_review.pk)
                locked.set()
                time.sleep(1)
                task_state = page_in_review.current_workflow_task_state
                task_state.task.specific.on_action(task_state, moderator, "approve")
        finally:
            connection.close()

    first = threading.Thread(target=first_click_still_publishing)
    first.start()
    assert locked.wait(5)
    started = time.monotonic()
    second = approve(moderator, page_in_review)
    waited = time.monotonic() - started
    first.join()

    assert waited >= 0.5
    assert second.status_code == 302
    assert any("Nothing more was changed" in text for text in messages_shown_after(client, second))
    page_in_review.refresh_from_db()
    assert page_in_review.live
    assert not page_in_review.has_unpublished_changes


def test_autosave_never_creates_a_page_nobody_saved(client, editor, home):
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {"title": "Half-typed title", "slug": "half-typed"},
        **AUTOSAVE,
    )

    assert response.status_code == 400
    assert response.json()["error_message"] == "Autosave starts once you have saved this page."
    assert not Page.objects.filter(title="Half-typed title").exists()


def test_the_first_save_by_hand_creates_the_page(client, editor, home):
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Saved by hand",
            "slug": "saved-by-hand",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", data)

    assert response.status_code == 302
    page = Page.objects.get(title="Saved by hand")
    assert not page.live
