"""The translation journey, as separate people: an editor's English news item is published by a
moderator; the translator finds it in the work list, starts the French version, machine-translates
and post-edits it, submits it from the editor's footer; the moderator requests changes from the
French draft; the translator fixes and resubmits; the moderator approves from the draft itself;
the French page is live and leaves the work list. Screenshots at 1280 and 390 px."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from news.models import NewsPage, Topic
from tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Registrations open for the Leuven seminar"
INTRO = "Local practitioners can now register."
BODY = "The seminar is free of charge; places are limited to eighty participants."
TITLE_FR = "Les inscriptions au séminaire de Louvain sont ouvertes"
BODY_FR = "Le séminaire est gratuit ; les places sont limitées à quatre-vingts participants."
BODY_FR_FIXED = "Le séminaire est gratuit ; les places sont limitées à quatre-vingts personnes."
REQUESTED_CHANGE = "« personnes » plutôt que « participants », s’il vous plaît."
SUBMIT_BUTTON = "Submit the French translation for moderation"  # ours (localisation/)
TOPIC_FR = "Évaluation"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def news_index(home, translate):
    """A site whose home page and news index are in French too, with a topic in both languages."""
    translate(home, {home.intro: "Institutions locales contre l’extrémisme violent II."})
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    topic = Topic.objects.create(name="Evaluation", slug="evaluation")
    translate(topic, {"Evaluation": TOPIC_FR, "evaluation": "evaluation"})
    return news_index


def editor_writes_and_submits_the_news_item(page, news_index, screenshot):
    page.goto(f"/admin/pages/{news_index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill(INTRO)
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type(BODY)
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("eighty"))
    page.get_by_role("button", name="Add topics").click()
    page.get_by_role("button", name="Choose topic").click()
    page.get_by_role("dialog").get_by_role("link", name="Evaluation").click()
    expect(page.locator("[data-chooser-title]").last).to_have_text("Evaluation")
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    both_widths(page, screenshot, "0-editor-submitted")


def moderator_approves_from_the_dashboard(page, title):
    page.goto("/admin/")
    row = page.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("row").filter(has_text=title)).to_have_count(0)


def both_widths(page, screenshot, name):
    """A full-page screenshot at desktop width, then at phone width (reloaded, as Wagtail lays
    out its menu on load), then back."""
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(PHONE)
    page.reload()
    screenshot(page, f"{name}-390")
    page.set_viewport_size(DESKTOP)
    page.reload()


def test_translator_translates_a_news_item_on_their_own_and_a_moderator_approves_it(
    new_page, screenshot, make_user, log_in, news_index
):
    translator = make_user("translator", TRANSLATORS)
    moderator = make_user("moderator", MODERATORS)

    # An editor writes the English news item; a moderator approves and publishes it.
    editor_writes_and_submits_the_news_item(
        log_in(new_page(), make_user("editor", EDITORS)), news_index, screenshot
    )
    admin = log_in(new_page(), moderator)
    moderator_approves_from_the_dashboard(admin, TITLE)
    english_news = NewsPage.objects.get(title=TITLE)
    assert english_news.live

    # The translator finds the new page in the work list and starts the French version.
    editor = log_in(new_page(), translator)
    editor.get_by_role("link", name="Translations (").first.click()
    row = editor.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Not translated yet")
    both_widths(editor, screenshot, "1-work-list")
    row.get_by_role("button", name="Translate").click()
    expect(editor.locator(".messages")).to_contain_text("The French translation of")
    french_news = english_news.get_translation(Locale.objects.get(language_code="fr"))
    assert not french_news.live

    # Machine translation first, then post-editing; no Delete for a translator.
    editor.get_by_role("button", name="Translate with Dummy translator").click()
    expect(editor.locator(".messages")).to_contain_text("Successfully translated")
    translate_segment(editor, TITLE, TITLE_FR)
    translate_segment(editor, BODY, BODY_FR)
    expect(editor.get_by_role("link", name="Delete")).to_be_hidden()
    expect(editor.get_by_text("Stop Synced translation")).to_be_hidden()
    both_widths(editor, screenshot, "2-translation-editor")

    # At phone width the footer's submit action is in sight.
    editor.set_viewport_size(PHONE)
    editor.reload()
    editor.mouse.wheel(0, 5000)
    expect(editor.get_by_role("button", name=SUBMIT_BUTTON)).to_be_in_viewport()
    editor.set_viewport_size(DESKTOP)
    editor.reload()
    expect(editor.get_by_role("button", name=SUBMIT_BUTTON)).to_be_in_viewport()
    editor.get_by_role("button", name=SUBMIT_BUTTON).click()
    expect(editor.locator(".messages")).to_contain_text(
        f"“{TITLE_FR}” was submitted for moderation in French"
    )
    both_widths(editor, screenshot, "3-submitted")

    # The moderator opens the French draft, sees it in review and requests changes.
    admin.goto("/admin/")
    admin.get_by_role("row").filter(has_text=TITLE_FR).get_by_role("link", name=TITLE_FR).click()
    expect(admin.locator(".localisation-footer")).to_contain_text("In moderation")
    both_widths(admin, screenshot, "4-moderator-opens-the-draft")
    admin.get_by_role("button", name="Request changes").click()
    admin.get_by_label("Comment").fill(REQUESTED_CHANGE)
    admin.get_by_role("button", name="Request changes").last.click()
    french_news.refresh_from_db()
    expect(admin.locator(".localisation-footer")).to_have_count(0)
    both_widths(admin, screenshot, "5-changes-requested")

    # The translator fixes the text and resubmits.
    editor.reload()
    translate_segment(editor, BODY, BODY_FR_FIXED)
    editor.get_by_role("button", name=SUBMIT_BUTTON).click()
    expect(editor.locator(".messages")).to_contain_text("was submitted for moderation in French")

    # The moderator approves from the draft's own page.
    admin.reload()
    admin.get_by_role("button", name="Approve and publish in French").click()
    expect(admin.locator(".messages")).to_contain_text(
        f"“{TITLE_FR}” was approved and published in French."
    )
    both_widths(admin, screenshot, "6-approved")
    french_news.refresh_from_db()
    assert french_news.live
    assert not french_news.workflow_in_progress

    # Live in French; no longer in the work list.
    visitor = new_page()
    visitor.goto("/fr/actualites/")
    visitor.get_by_role("link", name=TITLE_FR).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE_FR)
    expect(visitor.locator("main")).to_contain_text(BODY_FR_FIXED)
    expect(visitor.get_by_role("link", name=TOPIC_FR, exact=True)).to_be_visible()
    expect(visitor.get_by_role("link", name="Evaluation", exact=True)).to_have_count(0)
    both_widths(visitor, screenshot, "7-french-news-item")
    editor.goto("/admin/reports/translation-status/")
    expect(editor.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)


def translate_segment(editor, english, french):
    """Fill one string in wagtail-localize's editor and wait until it is saved."""
    segment = editor.locator("li").filter(has=editor.get_by_text(english, exact=True)).last
    segment.get_by_role("button", name="Translate").or_(
        segment.get_by_role("button", name="Edit")
    ).first.click()
    segment.get_by_role("textbox").fill(french)
    with editor.expect_response(lambda r: r.request.method == "PUT" and r.ok):
        segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(french)
