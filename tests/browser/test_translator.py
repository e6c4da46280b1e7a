"""The translation journey, as separate people: an editor's English news item is published by a
moderator; the translator finds it in the work list, starts the French version, machine-translates
and post-edits it, submits it from the editor's footer; the moderator requests changes from the
French draft; the translator fixes and resubmits; the moderator approves from the draft itself;
the French page is live and leaves the work list. Screenshots at 1280 and 390 px."""

import datetime

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from news.models import NewsPage, NewsPageTopic, Topic
from tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Registrations open for the Leuven seminar"
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
def english_news(home, translate, make_user):
    """An editor's news item, submitted to Editorial review and approved by a moderator, on a site
    whose home page and news index are in French too."""
    translate(home, {home.intro: "Institutions locales contre l’extrémisme violent II."})
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    editor = make_user("editor", EDITORS)
    topic = Topic.objects.create(name="Evaluation", slug="evaluation")
    translate(topic, {"Evaluation": TOPIC_FR, "evaluation": "evaluation"})
    news = NewsPage(
        title=TITLE,
        slug="registrations-leuven",
        date=datetime.date(2016, 9, 1),
        intro="Local practitioners can now register.",
        body=[("paragraph", f"<p>{BODY}</p>")],
        owner=editor,
    )
    news.topic_links.add(NewsPageTopic(topic=topic))
    news_index.add_child(instance=news)
    news.save_revision(user=editor)
    news.get_workflow().start(news, editor)
    approve_current_task(news, make_user("chief", MODERATORS))
    news.refresh_from_db()
    assert news.live
    return news


def approve_current_task(page, moderator):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")


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
    new_page, screenshot, make_user, log_in, english_news
):
    translator = make_user("translator", TRANSLATORS)
    moderator = make_user("moderator", MODERATORS)

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
    admin = log_in(new_page(), moderator)
    admin.goto(f"/admin/pages/{french_news.pk}/edit/")
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
