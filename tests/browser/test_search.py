"""A visitor searches from the header box and gets results in the language they are reading."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEMINAR_FR = "Les villes européennes face à la radicalisation : communication et contre-discours"
SEMINAR_EN = "European cities facing radicalisation: communication and counter-narratives"


def test_header_search_on_a_french_page_finds_french_pages(new_page, screenshot):
    call_command("load_demo_content", verbosity=0)
    page = new_page()
    page.goto("/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    header_search = page.get_by_role("search").first
    header_search.get_by_role("searchbox").fill("Bordeaux")
    header_search.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_title(re.compile(r"^Résultats de la recherche\W+Bordeaux\W"))
    results = page.locator(".results .result__title")
    for french in ("Ville de Bordeaux", SEMINAR_FR):
        expect(results.get_by_role("link", name=french, exact=True)).to_have_count(1)
    for english in ("City of Bordeaux", SEMINAR_EN):
        expect(results.get_by_role("link", name=english, exact=True)).to_have_count(0)
    assert page.url.split("?")[0].endswith("/fr/recherche/")
    screenshot(page, "1-french-results")

    results.get_by_role("link", name="Ville de Bordeaux", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ville de Bordeaux")
