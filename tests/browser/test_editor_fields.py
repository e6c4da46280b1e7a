"""The editor's fields do what was asked of them: a date typed in ISO form is kept and stored as
typed, an unreadable one is refused with a visible error rather than replaced; the partner
chooser lists the partners of the edited page's language only, in English and in French."""

import datetime
import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from editorial.roles import EDITORS, TRANSLATORS
from events.models import TrainingSessionPage
from tests.factories import (
    EventIndexPageFactory,
    NewsIndexPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TrainingSessionPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def session(home):
    return TrainingSessionPageFactory(
        parent=EventIndexPageFactory(parent=home), title="Working with families"
    )


@pytest.fixture
def malmo(home, translate):
    """The City of Malmö, in English and French, on a bilingual site with a news index."""
    translate(home)
    partners = PartnerIndexPageFactory(parent=home)
    translate(partners, {"Partners": "Partenaires", "partners": "partenaires"})
    partner = PartnerPageFactory(parent=partners, title="City of Malmö", country="SE")
    translate(partner, {"City of Malmö": "Ville de Malmö"})
    news = NewsIndexPageFactory(parent=home)
    translate(news, {"News": "Actualités", "news": "actualites"})
    return partner


def save_draft(page):
    page.locator("footer").get_by_role("button", name="Save draft").click()


def test_a_date_typed_in_iso_form_is_kept_and_stored_as_typed(
    new_page, screenshot, make_user, log_in, session
):
    editor = log_in(new_page(), make_user("editor", EDITORS))
    editor.goto(f"/admin/pages/{session.pk}/edit/")

    start = editor.locator("#id_start_date")
    start.fill("2027-01-01")
    start.press("Tab")
    editor.locator("#id_end_date").fill("2027-01-02")
    editor.locator("#id_end_date").press("Tab")
    expect(start).to_have_value("2027-01-01")  # not replaced by today's date
    screenshot(editor, "1-iso-date-typed")
    save_draft(editor)
    expect(editor.locator(".messages")).to_contain_text("has been updated")

    draft = TrainingSessionPage.objects.get(pk=session.pk).get_latest_revision_as_object()
    assert draft.start_date == datetime.date(2027, 1, 1)
    assert draft.end_date == datetime.date(2027, 1, 2)
    expect(start).to_have_value("01/01/2027")  # shown back in the admin's format


def test_a_date_the_admin_cannot_read_is_refused_visibly_and_kept_for_correction(
    new_page, screenshot, make_user, log_in, session
):
    editor = log_in(new_page(), make_user("editor", EDITORS))
    editor.goto(f"/admin/pages/{session.pk}/edit/")

    start = editor.locator("#id_start_date")
    start.fill("31/02/2027")
    start.press("Tab")
    expect(start).to_have_value("31/02/2027")
    save_draft(editor)

    expect(editor.locator(".messages")).to_contain_text("could not be saved")
    expect(editor.get_by_text("Enter a valid date.")).to_be_visible()
    expect(editor.locator("#id_start_date")).to_have_value("31/02/2027")
    screenshot(editor, "1-unreadable-date-refused")
    assert TrainingSessionPage.objects.get(pk=session.pk).start_date == session.start_date


def search_partner_chooser(page, add_button, query):
    page.get_by_role("button", name=add_button).click()
    page.get_by_role("button", name=re.compile(r"^Choose a page")).last.click()
    dialog = page.get_by_role("dialog")
    with page.expect_response(re.compile(r"/admin/choose-page/search/")):
        dialog.get_by_role("textbox", name="Search term").fill(query)
    return dialog


def test_the_partner_chooser_of_an_english_page_lists_english_partners_only(
    new_page, screenshot, make_user, log_in, session, malmo
):
    editor = log_in(new_page(), make_user("editor", EDITORS))
    editor.goto(f"/admin/pages/{session.pk}/edit/")

    dialog = search_partner_chooser(editor, "Add hosting partners", "Malmö")

    expect(dialog.get_by_role("link", name="City of Malmö")).to_be_visible()
    expect(dialog.get_by_text("Ville de Malmö")).to_have_count(0)
    screenshot(editor, "1-english-partners-only")


def test_the_partner_chooser_of_a_new_french_page_lists_french_partners_only(
    new_page, screenshot, make_user, log_in, malmo
):
    translator = log_in(new_page(), make_user("translator", TRANSLATORS))
    french_news = Page.objects.get(slug="actualites")
    translator.goto(f"/admin/pages/add/news/newspage/{french_news.pk}/")

    dialog = search_partner_chooser(translator, "Add related partners", "Malmö")

    expect(dialog.get_by_role("link", name="Ville de Malmö")).to_be_visible()
    expect(dialog.get_by_text("City of Malmö")).to_have_count(0)
    screenshot(translator, "1-french-partners-only")
