"""Each role's way through the admin, in every language of the guide, saving the screenshots the
guide shows (guide/static/guide/screenshots/<language>/, committed). Each journey fails when a
screenshot named by its role's guide pages was not produced, so an admin change that breaks a
step of the guide is seen here."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageChops
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from discussion.models import CommentStatus
from discussion.notifications import QUEUE_URL_NAME
from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS
from guide.content import SCREENSHOTS_DIR, guide_pages, languages
from tests.factories import (
    EventIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SeminarPageFactory,
    VisitorCommentFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MAX_BYTES = 150 * 1024
# Narrow enough for small pictures, wide enough for the admin's desktop layout.
VIEWPORT = {"width": 1024, "height": 1100}
MARGIN = 8
EXAMPLE_DATE = "14/04/2026"
# The share of pixels that may differ between two runs for a screenshot to be the same.
PIXEL_NOISE = 0.001
# An element's rectangle in the document (not the viewport), for a full-page clip.
DOCUMENT_BOX = """(element) => {
    const box = element.getBoundingClientRect();
    return {left: box.left + scrollX, top: box.top + scrollY,
            right: box.right + scrollX, bottom: box.bottom + scrollY};
}"""


def named_screenshots(role):
    """{language: names} of the screenshots the role's guide pages show."""
    return {
        language: {
            name for page in guide_pages(language) if page.role == role for name in page.screenshots
        }
        for language in languages()
    }


class Camera:
    """Saves screenshots of parts of the admin for the guide, in the language being walked, and
    notes their names."""

    def __init__(self):
        self.language = None
        self.produced = {language: set() for language in languages()}

    def shoot(self, *locators, name, max_height=None):
        """A picture of the smallest rectangle around the elements (with a margin), cut at
        max_height."""
        locators[0].scroll_into_view_if_needed()
        locators[0].page.mouse.move(0, 0)  # no hover effect in the picture
        # No date picker left open over the form it belongs to.
        expect(locators[0].page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
        boxes = [locator.evaluate(DOCUMENT_BOX) for locator in locators]
        # Never the edge of the menu beside the content: it comes and goes as the menu settles.
        content_left = locators[0].page.locator("main").evaluate(DOCUMENT_BOX)["left"]
        left = max(min(box["left"] for box in boxes) - MARGIN, content_left)
        top = max(min(box["top"] for box in boxes) - MARGIN, 0)
        right = max(box["right"] for box in boxes) + MARGIN
        bottom = max(box["bottom"] for box in boxes) + MARGIN
        if max_height:
            bottom = min(bottom, top + max_height)
        png = locators[0].page.screenshot(
            full_page=True,
            clip={"x": left, "y": top, "width": right - left, "height": bottom - top},
            animations="disabled",
            caret="hide",
        )
        assert len(png) <= MAX_BYTES, f"{name} is over {MAX_BYTES} bytes"
        save_if_changed(SCREENSHOTS_DIR / self.language / name, png)
        self.produced[self.language].add(name)


def save_if_changed(path, png):
    """Keeps the committed file unless the picture really changed: Chromium's bytes, and a few
    anti-aliased pixels, vary from run to run."""
    if path.exists() and same_picture(path.read_bytes(), png):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def same_picture(old_png, new_png):
    with Image.open(BytesIO(old_png)) as old, Image.open(BytesIO(new_png)) as new:
        if old.size != new.size:
            return False
        difference = ImageChops.difference(old.convert("L"), new.convert("L"))
        changed = difference.point(lambda value: 255 if value else 0).histogram()[255]
        return changed <= old.width * old.height * PIXEL_NOISE


def walk_in_every_language(user, page, walk):
    """The same journey once per language of the guide, the admin in that language."""
    camera = Camera()
    page.set_viewport_size(VIEWPORT)
    for language in languages():
        set_admin_language(user, language)
        camera.language = language
        walk(page, camera)
    return camera.produced


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def submitted_for_review(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return page


@pytest.fixture
def sections(home):
    news_index = NewsIndexPageFactory(parent=home)
    seminar_index = EventIndexPageFactory(parent=home)
    return news_index, seminar_index


def test_editor_journey_produces_the_editor_guide_screenshots(
    new_page, make_user, log_in, sections
):
    news_index, seminar_index = sections
    editor = make_user("editor", EDITORS)
    in_review = NewsPageFactory(parent=news_index, title="Example: seminar report", live=False)
    submitted_for_review(in_review, editor)

    def walk(page, camera):
        page.goto(f"/admin/pages/add/news/newspage/{news_index.pk}/")
        # A fixed date instead of today's, so that the committed picture changes only with the
        # admin.
        page.locator("#id_date").fill(EXAMPLE_DATE)
        # The date picker opens a moment after the field takes focus; it closes as a person
        # leaves the field.
        expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
        page.locator("#id_title").click()
        camera.shoot(
            page.locator("#panel-child-content-title-section"),
            page.locator("#panel-child-content-image_alt_text-section"),
            name="editor-news-form.png",
        )
        footer = page.locator("footer")
        footer.locator("[data-w-dropdown-target='toggle']").last.click()
        menu = footer.locator("[data-w-dropdown-target='content']").last
        expect(menu).to_be_visible()
        camera.shoot(footer, menu, name="editor-submit-menu.png")
        page.goto(f"/admin/pages/add/events/seminarpage/{seminar_index.pk}/")
        programme = page.locator("#panel-child-content-programme-section")
        for option in (0, 1):  # a day, then a session
            programme.get_by_role("button").last.click()
            page.locator(".w-combobox").get_by_role("option").nth(option).click()
        expect(programme.locator("input[name='programme-1-value-title']")).to_have_count(1)
        page.evaluate("document.activeElement.blur()")
        camera.shoot(programme, name="editor-seminar-programme.png")
        page.goto("/admin/")
        camera.shoot(page.locator("#objects-in-workflow-section"), name="editor-in-review.png")

    produced = walk_in_every_language(editor, log_in(new_page(), editor), walk)

    assert produced == named_screenshots(EDITORS)


def test_translator_journey_produces_the_translator_guide_screenshots(
    new_page, screenshot, make_user, log_in, sections, translate
):
    news_index, _seminar_index = sections
    translator = make_user("translator", TRANSLATORS)
    translate(news_index.get_parent(), {})
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    NewsPageFactory(parent=news_index, title="Example: registrations open for the seminar")
    being_translated = NewsPageFactory(parent=news_index, title="Example: the Leuven seminar")
    french_draft = translate(being_translated, publish=False).get_target_instance()
    assert french_draft.locale == Locale.objects.get(language_code="fr")

    def walk(page, camera):
        page.goto("/admin/reports/translation-status/")
        camera.shoot(page.locator("main table"), name="translator-work-list.png")
        page.goto(f"/admin/pages/{french_draft.pk}/edit/")
        expect(page.locator(".localisation-footer")).to_be_visible()
        camera.shoot(
            page.locator(".js-translation-editor"), name="translator-editor.png", max_height=560
        )
        camera.shoot(page.locator(".localisation-footer"), name="translator-submit.png")

    page = log_in(new_page(), translator)
    produced = walk_in_every_language(translator, page, walk)

    assert produced == named_screenshots(TRANSLATORS)
    # With a French admin, the Help menu opens the French guide, translators' tasks first.
    set_admin_language(translator, "fr")
    page.goto("/admin/")
    page.get_by_role("button", name="Aide").click()
    page.get_by_role("list", name="Aide").get_by_role("link", name="Guide de ce site").click()
    expect(page.locator(".guide__section h2").first).to_have_text("Pour les traducteurs")
    page.get_by_role("link", name="Trouver les pages qui attendent le français").click()
    image = page.locator(".guide__page img").first
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("(image) => image.naturalWidth") > 0
    screenshot(page, "french-guide-page")


def test_moderator_journey_produces_the_moderator_guide_screenshots(
    new_page, make_user, log_in, sections
):
    news_index, seminar_index = sections
    moderator = make_user("moderator", MODERATORS)
    editor = make_user("editor", EDITORS)
    submitted_for_review(
        NewsPageFactory(parent=news_index, title="Example: seminar report", live=False), editor
    )
    seminar = SeminarPageFactory(parent=seminar_index, title="Example seminar")
    VisitorCommentFactory(
        page=seminar,
        author_name="Jonas Weber",
        text="Could the slides of the workshop be shared?",
        status=CommentStatus.PENDING,
        created_at=timezone.now() - timedelta(hours=2),  # "2 hours ago" on every run
    )

    def walk(page, camera):
        page.goto("/admin/")
        camera.shoot(page.locator("#awaiting-review-section"), name="moderator-awaiting-review.png")
        page.goto(reverse(QUEUE_URL_NAME))
        page.locator("main tbody input[type='checkbox']").first.check()
        camera.shoot(page.locator("main table"), name="moderator-comment-queue.png")

    produced = walk_in_every_language(moderator, log_in(new_page(), moderator), walk)

    assert produced == named_screenshots(MODERATORS)


def test_administrator_journey_produces_the_administrator_guide_screenshots(
    new_page, make_user, log_in, home
):
    administrator = make_user("administrator", ADMINISTRATORS)
    administrator.is_superuser = True
    administrator.save()

    def walk(page, camera):
        page.goto("/admin/groups/")
        camera.shoot(page.locator("main table"), name="admin-groups.png")
        page.goto("/admin/locales/")
        camera.shoot(page.locator("main table"), name="admin-locales.png")
        page.goto("/admin/settings/discussion/commentsettings/")
        camera.shoot(page.locator("main form"), name="admin-comment-settings.png")

    produced = walk_in_every_language(administrator, log_in(new_page(), administrator), walk)

    assert produced == named_screenshots(ADMINISTRATORS)
