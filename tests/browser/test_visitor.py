"""A visitor finds a seminar through the partner directory, reads it in French and comments."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from discussion.models import CommentStatus, VisitorComment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEMINAR_EN = "European cities facing radicalisation: communication and counter-narratives"
SEMINAR_FR = "Les villes européennes face à la radicalisation : communication et contre-discours"
COMMENT = "Merci pour ce séminaire : les contre-discours locaux nous intéressent beaucoup."


def test_visitor_finds_a_seminar_reads_it_in_french_and_comments(new_page, screenshot):
    call_command("load_demo_content", verbosity=0)
    page = new_page()

    page.goto("/en/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "1-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")
    page.get_by_label("Country").select_option(label="France")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"[?&]country=FR\b"))
    expect(page.locator(".result-count")).to_contain_text("partners listed")
    # The page opens at the list, not at the top, and a live region says how many it holds.
    expect(page).to_have_url(re.compile(r"#partner-list$"))
    expect(page.locator(".result-count")).to_be_in_viewport()
    expect(page.get_by_role("status")).to_have_text(page.locator(".result-count").inner_text())
    expect(page.get_by_role("link", name="City of Bordeaux", exact=True)).to_be_visible()
    # Its marker on the map; Leuven's is gone from the map as from the list.
    expect(
        page.get_by_role("link", name="City of Bordeaux – City, Bordeaux, France")
    ).to_be_visible()
    expect(page.get_by_role("link", name="City of Leuven")).to_have_count(0)
    screenshot(page, "2-partners-in-france")

    page.get_by_role("link", name="City of Bordeaux", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("City of Bordeaux")
    page.get_by_role("link", name=SEMINAR_EN, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEMINAR_EN)
    screenshot(page, "3-seminar")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEMINAR_FR)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert "/fr/" in page.url

    # The e-mail address is missing: the form says so and keeps what was typed.
    form = page.locator("#comment-form")
    form.get_by_label("Nom *", exact=True).fill("Ana Lopes")
    form.get_by_label("Commentaire *", exact=True).fill(COMMENT)
    form.get_by_role("button", name="Envoyer le commentaire").click()
    expect(form.locator(".field--error")).to_have_count(1)
    expect(form.locator(".field--error")).to_contain_text("Courriel")
    expect(form.locator(".field--error")).to_contain_text("Champ requis.")
    # French puts a (no-break) space before the colon.
    expect(form.locator(".form-errors")).to_contain_text(re.compile(r"Courriel\s: Champ requis"))
    expect(form.get_by_label("Commentaire *", exact=True)).to_have_value(COMMENT)
    expect(form.get_by_label("Nom *", exact=True)).to_have_value("Ana Lopes")
    assert not VisitorComment.objects.exists()
    screenshot(page, "4-comment-error")

    form.get_by_label("Courriel *", exact=True).fill("ana@example.net")
    form.get_by_role("button", name="Envoyer le commentaire").click()
    expect(page.get_by_role("status")).to_contain_text("votre commentaire attend la modération")
    expect(page.locator(".comment--pending")).to_contain_text(COMMENT)
    screenshot(page, "5-comment-awaiting-moderation")

    comment = VisitorComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.page.locale.language_code == "fr"

    someone_else = new_page()
    someone_else.goto(page.url.split("#")[0])
    expect(someone_else.get_by_role("heading", level=1)).to_have_text(SEMINAR_FR)
    expect(someone_else.locator("#comments")).not_to_contain_text(COMMENT)
