"""A moderator approves a visitor's comment in the admin's moderation queue."""

import pytest
from playwright.sync_api import expect

from discussion.models import CommentStatus
from editorial.roles import MODERATORS
from tests.factories import EventIndexPageFactory, SeminarPageFactory, VisitorCommentFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMENT = "Could the slides of the counter-narratives workshop be shared?"


@pytest.fixture
def seminar(home):
    return SeminarPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="European cities facing radicalisation: communication and counter-narratives",
        slug="bordeaux-2016",
    )


def test_moderator_approves_a_pending_comment_which_then_shows_on_the_page(
    new_page, screenshot, make_user, log_in, seminar
):
    comment = VisitorCommentFactory(
        page=seminar, author_name="Jonas Weber", text=COMMENT, status=CommentStatus.PENDING
    )
    moderator = make_user("moderator", MODERATORS)

    visitor = new_page()
    visitor.goto(seminar.url)
    expect(visitor.locator("#comments")).not_to_contain_text(COMMENT)

    admin = new_page()
    log_in(admin, moderator)
    menu_item = admin.get_by_role("link", name="Comments (1)")
    expect(menu_item).to_be_visible()
    screenshot(admin, "1-dashboard")

    menu_item.click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Visitor comments")
    row = admin.get_by_role("row").filter(has_text="Jonas Weber")
    expect(row).to_contain_text(COMMENT[:40])
    row.get_by_role("checkbox").check()
    screenshot(admin, "2-queue")
    admin.get_by_role("link", name="Approve selected comments").click()
    screenshot(admin, "3-confirm")
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_role("status").or_(admin.locator(".messages"))).to_contain_text(
        "1 comment approved."
    )
    expect(admin.get_by_role("link", name="Comments", exact=True)).to_be_visible()
    screenshot(admin, "4-approved")

    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED

    visitor.reload()
    expect(visitor.locator(f"#comment-{comment.pk}")).to_contain_text(COMMENT)
    expect(visitor.locator("#comments-heading")).to_have_text("1 comment")
    screenshot(visitor, "5-visitor-sees-the-comment")
