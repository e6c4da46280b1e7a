"""A French-speaking visitor finds the LIAISE guide in French from the home page, in three
clicks, and downloads the French file."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GUIDE_FR = "Guide LIAISE pour les autorités locales"


def test_visitor_downloads_the_french_guide_in_three_clicks(new_page, screenshot):
    call_command("load_demo_content", verbosity=0)
    page = new_page()
    page.goto("/fr/")

    page.get_by_role("navigation", name="Principale").get_by_role("link", name="Ressources").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ressources")
    screenshot(page, "1-library")

    page.get_by_role("link", name=GUIDE_FR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDE_FR)
    expect(page.get_by_text("Disponible uniquement")).to_have_count(0)
    screenshot(page, "2-guide")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Télécharger {GUIDE_FR}").click()
    content = download_info.value.path().read_bytes()

    assert content.startswith(b"%PDF-")
    # The French file's title, as the PDF writes it (Windows-1252, brackets escaped).
    assert "Guide LIAISE \\(français, fichier d’exemple\\)".encode("cp1252") in content
