"""A moderator approves and publishes a page from its editor, with autosave on: one click, or a
double click, leaves the page live, every request that follows is answered without a 5xx, and
the message says it was published (editorial/publishing.py)."""

import re
import time

import pytest
from playwright.sync_api import expect
from wagtail import hooks
from wagtail.models import PageLogEntry

from editorial.roles import EDITORS, MODERATORS
from home.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The late second request of the report came 2 to 5 s after the click, while the approval was
# still being processed (a busy SQLite): the server here takes as long.
SLOW_APPROVAL_SECONDS = 4
LATE_REQUEST_WINDOW_MS = 6000


@pytest.fixture(autouse=True)
def slow_approval():
    """The server takes SLOW_APPROVAL_SECONDS over a review action, before it changes anything."""

    def take_time(request, page):
        if request.method == "POST" and "action-workflow-action" in request.POST:
            time.sleep(SLOW_APPROVAL_SECONDS)

    with hooks.register_temporarily("before_edit_page", take_time, order=-1):
        yield


@pytest.fixture
def page_in_review(home, make_user):
    editor = make_user("editor", EDITORS)
    page = StandardPageFactory(
        parent=home, title="Training of trainers", slug="training-of-trainers", live=False
    )
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def watch_posts_to(page, path):
    """The answers to every POST the browser sends to `path` from now on."""
    answers = []
    page.on(
        "response",
        lambda response: (
            response.request.method == "POST"
            and response.url.endswith(path)
            and answers.append(response)
        ),
    )
    return answers


def open_editor(page, path):
    """The editor, once it watches the form for changes (2 s after it loads): autosave saves
    what is typed from then on."""
    page.add_init_script(
        'document.addEventListener("w-unsaved:watch-edits", () => { window.editsWatched = true; });'
    )
    page.goto(path)
    for _attempt in range(100):  # wait_for_function would need eval, which the CSP refuses
        if page.evaluate("window.editsWatched === true"):
            # The editor may take its reference copy of the form more than once as it starts:
            # what is typed before the last one is not a change.
            page.wait_for_timeout(2500)
            return
        page.wait_for_timeout(100)
    pytest.fail("The editor never started watching the form for changes.")


def approve_and_publish_button(page):
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    return footer.get_by_role("button", name=re.compile("^Approve and publish$", re.IGNORECASE))


def assert_published_once_and_live(page_in_review, new_page, intro):
    page = StandardPage.objects.get(pk=page_in_review.pk)
    assert page.live
    assert not page.has_unpublished_changes
    assert page.intro == intro
    entries = PageLogEntry.objects.filter(page=page).order_by("timestamp")
    history = list(entries.values_list("action", flat=True))
    assert history.count("wagtail.publish") == 1
    assert "wagtail.edit" not in history[history.index("wagtail.publish") :]
    visitor = new_page()
    response = visitor.goto(page.url)
    assert response.status == 200
    expect(visitor.locator("main")).to_contain_text(intro)


def test_one_click_on_approve_and_publish_with_autosave_on_leaves_the_page_live(
    new_page, screenshot, make_user, log_in, page_in_review
):
    moderator = make_user("moderator", MODERATORS)
    admin = log_in(new_page(), moderator)
    edit_path = f"/admin/pages/{page_in_review.pk}/edit/"
    posts = watch_posts_to(admin, edit_path)
    open_editor(admin, edit_path)

    # The moderator corrects the introduction first: autosave saves it.
    with admin.expect_response(lambda response: response.url.endswith(edit_path)) as autosave:
        admin.locator("#id_intro").fill("Checked by the moderator.")
    assert autosave.value.status == 200
    screenshot(admin, "1-autosaved")

    approve_and_publish_button(admin).click()
    expect(admin.locator(".messages")).to_contain_text(
        "'Training of trainers' approved and published."
    )
    admin.wait_for_timeout(LATE_REQUEST_WINDOW_MS)
    screenshot(admin, "2-published")

    assert [post.status for post in posts] == [200, 302]  # the autosave, then the approval
    assert_published_once_and_live(page_in_review, new_page, "Checked by the moderator.")


def test_a_double_click_on_approve_and_publish_publishes_once_and_says_so(
    new_page, screenshot, make_user, log_in, page_in_review
):
    moderator = make_user("moderator", MODERATORS)
    admin = log_in(new_page(), moderator)
    edit_path = f"/admin/pages/{page_in_review.pk}/edit/"
    posts = watch_posts_to(admin, edit_path)
    open_editor(admin, edit_path)

    approve_and_publish_button(admin).dblclick()
    expect(admin.locator(".messages")).to_contain_text(
        re.compile("approved and published|It is published")
    )
    admin.wait_for_timeout(LATE_REQUEST_WINDOW_MS)
    screenshot(admin, "1-after-the-double-click")

    assert posts
    assert all(post.status < 500 for post in posts)
    assert_published_once_and_live(page_in_review, new_page, page_in_review.intro)
