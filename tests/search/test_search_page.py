"""The search page: header box, what each result shows, empty states, pagination, promotions,
recorded queries, hostile queries and the number of database queries."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import PartnerPageFactory, StandardPageFactory
from tests.performance.test_query_counts import CEILINGS
from tests.search.helpers import found_titles

pytestmark = pytest.mark.django_db


def result_types(response):
    return {
        result.page.title: str(result.type_label) for result in response.context["search_results"]
    }


@pytest.fixture
def mediation_pages(home):
    """Twelve pages about mediation: more than one page of results."""
    return [
        StandardPageFactory(parent=home, title=f"Mediation {n}", intro="Mediation in schools.")
        for n in range(12)
    ]


# -- Search box and results -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_has_a_search_box_for_its_language(client, french_site, language):
    html = client.get(f"/{language}/").content.decode()
    header_form = html.split('class="search-form search-form--header"', 1)[1].split("</form>")[0]

    assert f'action="/{language}/{"recherche" if language == "fr" else "search"}/"' in header_form
    assert '<input type="search" id="header-search" name="q"' in header_form


def test_each_result_shows_its_type(search, english_site, home):
    StandardPageFactory(parent=home, title="About LIAISE 2", intro="How the network works.")

    assert result_types(search("en", "network")) == {
        "Bordeaux seminar": "Seminar",
        "Registrations are open": "News",
        "About LIAISE 2": "Page",
    }
    assert result_types(search("en", "Leuven")) == {"City of Leuven": "Partner"}


def test_french_search_has_a_french_address_and_the_first_one_leads_there(client, french_site):
    response = client.get("/fr/search/", {"q": "séminaire", "page": "2"})

    assert response.status_code == 301
    assert response["Location"] == "/fr/recherche/?q=s%C3%A9minaire&page=2"
    assert client.get("/en/search/", {"q": "seminar"}).status_code == 200


def test_result_types_are_translated(search, french_site):
    assert result_types(search("fr", "Bordeaux")) == {
        "Ville de Bordeaux": "Partenaire",
        "Séminaire de Bordeaux": "Séminaire",
    }


def test_result_links_to_the_page_and_highlights_the_matching_words(search, english_site):
    html = search("en", "preventing").content.decode()

    assert '<a href="/en/partners/city-of-bordeaux/">City of Bordeaux</a>' in html
    assert "The city takes part in the <mark>prevention</mark> of radicalisation." in html


def test_french_extract_highlights_words_matched_without_accents(search, french_site):
    html = search("fr", "seminaires").content.decode()

    assert "<mark>séminaire</mark> du réseau, sur la prévention" in html


def test_seminar_result_shows_its_date(search, french_site):
    assert (
        '<time datetime="2016-05-26">26 May 2016</time>'
        in search("en", "Bordeaux").content.decode()
    )
    assert (
        '<time datetime="2016-05-26">26 mai 2016</time>'
        in search("fr", "Bordeaux").content.decode()
    )


def test_extract_separates_the_fields_and_the_paragraphs_it_runs_through(search, partners):
    PartnerPageFactory(
        parent=partners,
        title="City of Rimini",
        city="Rimini",
        country="IT",
        summary="Rimini hosted the seminar on polarisation",
        body=[
            ("paragraph", "<p>The city trains its staff against polarisation.</p>"),
            ("paragraph", "<p>Its youth services mediate in schools</p>"),
        ],
    )

    extract = str(search("en", "polarisation").context["search_results"][0].extract)

    assert "polarisation</mark>. The city trains" in extract
    assert "against <mark>polarisation</mark>. Its youth services" in extract
    assert "mediate in schools. Rimini" in extract
    assert ".," not in extract


def test_extract_is_escaped(search, partners):
    PartnerPageFactory(parent=partners, summary="Youth & <script>alert(1)</script> prevention")

    html = search("en", "prevention").content.decode()

    assert "<script>alert" not in html
    assert "Youth &amp;" in html


# -- Empty and no-result states ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "prompt"),
    [
        ("en", "Type one or more words to search the partners, seminars, news and pages"),
        ("fr", "Saisissez un ou plusieurs mots pour rechercher parmi les partenaires"),
    ],
)
@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_invites_to_type_words(search, french_site, language, prompt, query):
    assert prompt in search(language, query).content.decode()


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        ("en", ["No results for “zebra”.", "Check the spelling"]),
        ("fr", ["Aucun résultat pour «\u00a0zebra\u00a0».", "Vérifiez l’orthographe"]),
    ],
)
def test_no_result_says_so_and_suggests_what_to_try(search, french_site, language, messages):
    html = search(language, "zebra").content.decode()

    assert all(message in html for message in messages)


# -- Pagination -------------------------------------------------------------------------------


def test_results_are_paginated(search, mediation_pages):
    first = search("en", "mediation")
    second = search("en", "mediation", page=2)

    assert len(first.context["search_results"]) == 10
    assert "12 results for “mediation”" in first.content.decode()
    assert 'href="?q=mediation&amp;page=2" rel="next"' in first.content.decode()
    assert len(second.context["search_results"]) == 2
    assert '<ol class="results" start="11">' in second.content.decode()
    assert set(found_titles(first)).isdisjoint(found_titles(second))


@pytest.mark.parametrize("page", ["0", "3", "99", "nonsense"])
def test_page_of_results_past_the_end_or_not_a_number_is_not_found(search, mediation_pages, page):
    assert search("en", "mediation", page=page).status_code == 404


def test_last_page_of_results_is_found(search, mediation_pages):
    assert search("en", "mediation", page="2").status_code == 200


# -- Promotions and recorded queries ----------------------------------------------------------


def promote(query_string, page, sort_order=0, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=sort_order, description=description
    )


def test_promoted_page_comes_first_with_the_editors_description(
    search, english_site, registrations_news
):
    promote("Bordeaux", registrations_news, description="Sign up for the Bordeaux seminar.")

    response = search("en", "bordeaux")

    first, *others = found_titles(response)
    assert first == "Registrations are open"
    assert set(others) == {"City of Bordeaux", "Bordeaux seminar"}
    assert "Sign up for the Bordeaux seminar." in response.content.decode()


def test_promoted_page_that_also_matches_is_shown_once(search, english_site, bordeaux_seminar):
    promote("bordeaux", bordeaux_seminar)

    assert found_titles(search("en", "bordeaux")) == ["Bordeaux seminar", "City of Bordeaux"]


def test_promotions_are_shown_in_the_language_of_their_page(
    search, french_site, registrations_news, bordeaux_seminar, french
):
    promote("bordeaux", registrations_news)
    promote("bordeaux", bordeaux_seminar.get_translation(french), sort_order=1)

    english, french_results = search("en", "bordeaux"), search("fr", "bordeaux")

    assert [r.page.title for r in english.context["promoted_results"]] == ["Registrations are open"]
    assert [r.page.title for r in french_results.context["promoted_results"]] == [
        "Séminaire de Bordeaux"
    ]


def test_promoted_page_that_is_not_live_is_not_shown(search, english_site, registrations_news):
    promote("bordeaux", registrations_news)
    registrations_news.unpublish()

    assert "Registrations are open" not in found_titles(search("en", "bordeaux"))


def test_promotions_are_shown_on_the_first_page_only(search, mediation_pages, registrations_news):
    promote("mediation", registrations_news)

    assert found_titles(search("en", "mediation"))[0] == "Registrations are open"
    assert "Registrations are open" not in found_titles(search("en", "mediation", page=2))


def test_each_search_is_recorded_once_for_the_search_terms_report(search, mediation_pages):
    search("en", "Mediation")
    search("en", "mediation ", page=2)
    search("fr", "médiation")

    assert Query.get("mediation").hits == 1
    assert Query.get("médiation").hits == 1


# -- Hostile queries and database load --------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "   ",
        "a" * 200,
        "é" * 200,
        ("prevention radicalisation " * 40)[:200],
        "'",
        "&",
        "|",
        "!",
        ":*",
        "bordeaux:*",
        "!bordeaux & | seminar",
        "l'europe & (prévention | radicalisation) :* !",
        "'); DROP TABLE wagtailcore_page; --",
        '\\ % _ " <b>',
    ],
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_any_query_returns_a_normal_page(search, french_site, language, query):
    response = search(language, query)

    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_results_page_needs_a_bounded_number_of_queries(
    search, english_site, mediation_pages, registrations_news, django_assert_max_num_queries
):
    promote("mediation", registrations_news)
    search("en", "mediation")  # Warms the caches of a first visit (site root paths, locales).

    # The search itself, whatever the number of results; the layout's data come from the cache
    # (tests/performance/test_query_counts.py).
    with django_assert_max_num_queries(CEILINGS["search results"]):
        response = search("en", "mediation")

    assert len(response.context["search_results"]) == 10


# -- Rankings kept until the next change of content -------------------------------------------


def result_count(response):
    return response.context["results_page"].paginator.count


def test_page_published_after_a_search_is_found_by_the_same_search(search, english_site, home):
    draft = StandardPageFactory(
        parent=home, title="Bordeaux workshop", intro="A workshop.", live=False
    )
    before = search("en", "bordeaux")

    draft.save_revision().publish()
    after = search("en", "bordeaux")

    assert "Bordeaux workshop" not in found_titles(before)
    assert "Bordeaux workshop" in found_titles(after)
    assert (result_count(before), result_count(after)) == (2, 3)
    assert "3 results for “bordeaux”" in after.content.decode()


def test_page_unpublished_after_a_search_is_no_longer_found(search, english_site, bordeaux_seminar):
    assert result_count(search("en", "bordeaux")) == 2

    bordeaux_seminar.unpublish()
    after = search("en", "bordeaux")

    assert found_titles(after) == ["City of Bordeaux"]
    assert result_count(after) == 1


@pytest.fixture
def ranked_pages(home):
    """Twelve pages about mediation, each saying it once more than the previous one: the
    search ranks them from the last to the first."""
    return [
        StandardPageFactory(
            parent=home, title=f"School project {n}", intro=" ".join(["Mediation."] * (n + 1))
        )
        for n in range(12)
    ]


def test_second_page_of_results_goes_on_where_the_first_stopped(search, ranked_pages):
    best_first = [page.title for page in reversed(ranked_pages)]

    first = search("en", "mediation")
    second = search("en", "mediation", page=2)

    assert found_titles(first) == best_first[:10]
    assert found_titles(second) == best_first[10:]
    assert result_count(second) == 12


def test_second_page_follows_a_publication_between_the_two(search, ranked_pages, home):
    draft = StandardPageFactory(
        parent=home, title="Best match", intro=" ".join(["Mediation."] * 20), live=False
    )
    first = search("en", "mediation")

    draft.save_revision().publish()
    second = search("en", "mediation", page=2)

    assert "Best match" not in found_titles(first)
    assert found_titles(second) == [page.title for page in reversed(ranked_pages)][9:]
    assert result_count(second) == 13


def test_promoted_page_is_not_repeated_among_the_other_results_on_any_page(
    search, ranked_pages, home
):
    promoted = ranked_pages[5]
    search("en", "mediation")  # ranked before the promotion
    search("en", "mediation", page=2)
    promote("mediation", promoted)

    first, second = search("en", "mediation"), search("en", "mediation", page=2)
    others = [
        result.page.title
        for response in (first, second)
        for result in response.context["search_results"]
    ]

    assert [r.page.title for r in first.context["promoted_results"]] == [promoted.title]
    assert promoted.title not in others
    assert len(others) == len(set(others)) == 11
    assert result_count(first) == 11


def test_withdrawn_promotion_puts_the_page_back_among_the_results(
    search, english_site, bordeaux_seminar
):
    promotion = promote("bordeaux", bordeaux_seminar)
    assert found_titles(search("en", "bordeaux")) == ["Bordeaux seminar", "City of Bordeaux"]

    promotion.delete()
    response = search("en", "bordeaux")

    assert response.context["promoted_results"] == []
    assert sorted(found_titles(response)) == ["Bordeaux seminar", "City of Bordeaux"]
