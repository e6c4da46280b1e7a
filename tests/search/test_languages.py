"""Each language is searched with its own stemming, French without accents, and never shows
pages of the other language."""

import pytest
from django.core.management import call_command

from tests.search.helpers import found_titles

pytestmark = pytest.mark.django_db


def test_english_search_finds_english_pages_only(search, french_site):
    response = search("en", "Bordeaux")

    assert set(found_titles(response)) == {"City of Bordeaux", "Bordeaux seminar"}


def test_french_search_finds_french_pages_only(search, french_site):
    response = search("fr", "Bordeaux")

    assert set(found_titles(response)) == {"Ville de Bordeaux", "Séminaire de Bordeaux"}


@pytest.mark.parametrize("query", ["seminaires", "séminaire", "Seminaire", "SÉMINAIRES"])
def test_french_search_ignores_accents_case_and_plurals(search, french_site, query):
    assert "Séminaire de Bordeaux" in found_titles(search("fr", query))


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("fr", "radicalisations", "Séminaire de Bordeaux"),
        ("fr", "prevention", "Ville de Bordeaux"),
        ("fr", "préventions", "Ville de Bordeaux"),
        ("en", "radicalisations", "Bordeaux seminar"),
        ("en", "cities", "City of Leuven"),
        ("en", "seminars", "Bordeaux seminar"),
    ],
)
def test_words_are_stemmed_in_the_language_of_the_page(search, french_site, language, query, title):
    assert title in found_titles(search(language, query))


def test_words_of_the_other_language_find_nothing(search, french_site):
    assert found_titles(search("en", "séminaire")) == []
    assert found_titles(search("fr", "seminar")) == []


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [("en", "Belgium", "City of Leuven"), ("fr", "Belgique", "Ville de Louvain")],
)
def test_country_is_found_by_its_name_in_the_language_of_the_page(
    search, french_site, language, query, title
):
    assert found_titles(search(language, query)) == [title]


def test_rebuilding_the_index_keeps_each_language_stemmed_its_own_way(search, french_site):
    call_command("update_index", verbosity=0)

    assert "Séminaire de Bordeaux" in found_titles(search("fr", "seminaires"))
    assert "Ville de Bordeaux" in found_titles(search("fr", "prevention"))
    assert "City of Leuven" in found_titles(search("en", "cities"))
