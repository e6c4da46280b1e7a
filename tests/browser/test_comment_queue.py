"""The comment moderation queue on a phone (390 px) and on a desktop (1280 px): rows readable,
each row's actions reachable in its menu, nothing wrapped."""

import pytest
from playwright.sync_api import expect

from discussion.models import CommentStatus
from editorial.roles import MODERATORS
from tests.factories import EventIndexPageFactory, SeminarPageFactory, VisitorCommentFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMENT = "Could the slides of the counter-narratives workshop be shared with the partners?"


@pytest.fixture
def comments(home):
    seminar = SeminarPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="European cities facing radicalisation: communication and counter-narratives",
    )
    pending = VisitorCommentFactory(
        page=seminar,
        author_name="Konstantinos Papadopoulos",
        author_email="konstantinos.papadopoulos@example.net",
        text=COMMENT,
        status=CommentStatus.PENDING,
    )
    approved = VisitorCommentFactory(
        page=seminar, author_name="Jonas Weber", status=CommentStatus.APPROVED
    )
    return pending, approved


@pytest.mark.parametrize("width", [390, 1280])
def test_comment_queue_rows_are_readable_and_their_actions_reachable(
    new_page, screenshot, make_user, log_in, comments, width
):
    pending, _approved = comments
    admin = log_in(new_page(), make_user("moderator", MODERATORS))
    admin.set_viewport_size({"width": width, "height": 900})

    admin.goto("/admin/visitor-comments/?status=all")
    row = admin.get_by_role("row").filter(has_text="Konstantinos")
    screenshot(admin, f"1-queue-{width}")

    name = row.get_by_text("Konstantinos Papadopoulos")
    expect(name).to_be_visible()
    assert lines(name) <= 2  # "Konstantinos" / "Papadopoulos" at most: never mid-word
    table = admin.locator("table.listing")
    assert table.bounding_box()["x"] + table.bounding_box()["width"] <= width
    expect(row).to_contain_text(COMMENT[:30])
    toggle = row.get_by_role("button", name="More options")
    toggle.scroll_into_view_if_needed()
    expect(toggle).to_be_in_viewport()
    toggle.click()
    approve = row.get_by_role("button", name="Approve")
    expect(approve).to_be_visible()
    assert lines(approve) == 1
    screenshot(admin, f"2-row-actions-{width}")
    approve.click()
    expect(admin.locator(".messages")).to_contain_text("approved")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.APPROVED


def lines(locator):
    """How many lines the element's text takes."""
    return locator.evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size; }"
    )
