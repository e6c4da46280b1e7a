"""An editor writes a news item with a picture and submits it; a moderator approves it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from editorial.roles import EDITORS, MODERATORS
from news.models import NewsPage
from tests.factories import ImageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Registrations open for the Leuven seminar"
INTRO = "Local practitioners can now register for the seminar on evaluating prevention."
BODY = "The seminar is free of charge; places are limited to eighty participants."


@pytest.fixture
def news_index(home):
    ImageFactory(title="Picture: the Leuven seminar")
    ImageFactory(title="Logo: Leuven")
    return NewsIndexPageFactory(parent=home)


def test_editor_submits_a_news_item_which_goes_live_once_a_moderator_approves_it(
    new_page, screenshot, make_user, log_in, news_index
):
    editor = make_user("editor", EDITORS)
    moderator = make_user("moderator", MODERATORS)

    page = log_in(new_page(), editor)
    page.goto(f"/admin/pages/{news_index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("News item")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill(INTRO)

    page.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_placeholder("Search").fill("Leuven")
    chooser.locator('a[title="Picture: the Leuven seminar"]').click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Picture: the Leuven seminar")

    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor_box = page.locator(".public-DraftEditor-content").first
    editor_box.click()
    page.keyboard.type(BODY)
    # Draftail writes its hidden input a moment after the last key: faster than any person.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("eighty"))
    screenshot(page, "1-news-item-filled-in")

    footer = page.locator("footer")
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    footer.get_by_role("button", name="More actions").click()
    expect(footer.get_by_role("button", name="Submit to Editorial review")).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    screenshot(page, "2-no-publish-button")
    footer.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    screenshot(page, "3-submitted")

    news = NewsPage.objects.get(title=TITLE)
    assert not news.live
    assert news.workflow_in_progress

    review = log_in(new_page(), moderator)
    screenshot(review, "4-moderator-dashboard")
    row = review.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Editor")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard reloads without the page awaiting review.
    expect(review.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)
    screenshot(review, "5-moderator-approved")

    news.refresh_from_db()
    assert news.live
    assert news.image.title == "Picture: the Leuven seminar"
    assert news.date == timezone.localdate()  # the date field's default, read back day first

    visitor = new_page()
    visitor.goto("/en/news/")
    card = visitor.locator(".card").filter(has_text=TITLE)
    expect(card).to_contain_text(INTRO)
    expect(card.locator("img")).to_be_visible()
    screenshot(visitor, "6-news-index")
    card.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text(BODY)
