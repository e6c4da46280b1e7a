"""A translator translates a news item in wagtail-localize's editor and submits it for
moderation; a moderator publishes it in French."""

import datetime

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from editorial.roles import MODERATORS, TRANSLATORS
from news.models import NewsPage
from tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Registrations open for the Leuven seminar"
BODY = "The seminar is free of charge; places are limited to eighty participants."
TITLE_FR = "Les inscriptions au séminaire de Louvain sont ouvertes"
BODY_FR = "Le séminaire est gratuit ; les places sont limitées à quatre-vingts participants."
SUBMIT_BUTTON = "Submit the French translation for moderation"  # ours (localisation/)


@pytest.fixture
def english_news(home, translate):
    """What the editor's journey ends with: a live English news item, on a site whose home page
    and news index are in French too."""
    translate(home, {home.intro: "Institutions locales contre l’extrémisme violent II."})
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    news = NewsPage(
        title=TITLE,
        slug="registrations-leuven",
        date=datetime.date(2016, 9, 1),
        intro="Local practitioners can now register.",
        body=[("paragraph", f"<p>{BODY}</p>")],
    )
    news_index.add_child(instance=news)
    news.save_revision().publish()
    return news


def test_translator_translates_a_news_item_which_a_moderator_publishes_in_french(
    new_page, screenshot, make_user, log_in, english_news
):
    moderator = make_user("moderator", MODERATORS)
    translator = make_user("translator", TRANSLATORS)

    # A moderator asks for the French translation ("Translate" in the page's actions).
    admin = log_in(new_page(), moderator)
    admin.goto(f"/admin/pages/{english_news.pk}/edit/")
    admin.get_by_role("button", name="Actions").first.click()
    admin.get_by_role("link", name="Translate").click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Translate page")
    admin.get_by_label("Français").check()
    admin.get_by_role("button", name="Submit").click()
    expect(admin.get_by_role("button", name=SUBMIT_BUTTON)).to_be_visible()
    french_news = english_news.get_translation(Locale.objects.get(language_code="fr"))
    assert not french_news.live

    editor = log_in(new_page(), translator)
    editor.goto(f"/admin/pages/{french_news.pk}/edit/")
    translate_segment(editor, TITLE, TITLE_FR)
    translate_segment(editor, BODY, BODY_FR)
    screenshot(editor, "1-translation-editor")
    editor.get_by_role("button", name=SUBMIT_BUTTON).click()
    expect(editor.locator(".messages")).to_contain_text("was submitted for moderation in French")
    screenshot(editor, "2-submitted")

    french_news.refresh_from_db()
    assert french_news.workflow_in_progress
    assert not french_news.live

    admin.goto("/admin/")
    row = admin.get_by_role("row").filter(has_text=TITLE_FR)
    expect(row).to_contain_text("Français")
    screenshot(admin, "3-awaiting-review")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(admin.get_by_role("row").filter(has_text=TITLE_FR)).to_have_count(0)

    french_news.refresh_from_db()
    assert french_news.live

    visitor = new_page()
    visitor.goto("/fr/actualites/")
    expect(visitor.locator(".card").filter(has_text=TITLE_FR)).to_be_visible()
    expect(visitor.get_by_text(TITLE, exact=True)).to_have_count(0)
    screenshot(visitor, "4-french-news-index")
    visitor.get_by_role("link", name=TITLE_FR).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE_FR)
    expect(visitor.locator("main")).to_contain_text(BODY_FR)
    screenshot(visitor, "5-french-news-item")


def translate_segment(editor, english, french):
    """Fill one string in wagtail-localize's editor and wait until it is saved."""
    segment = editor.locator("li").filter(has=editor.get_by_text(english, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(french)
    with editor.expect_response(lambda r: r.request.method == "PUT" and r.ok):
        segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(french)
