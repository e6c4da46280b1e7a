"""The resource library: a page per resource in each language, with the file of that language
when there is one; the library filtered by type, topic and year; resources in the site search,
the API and the sitemap."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from resources.models import ResourceType
from tests.factories import DocumentFactory, ResourcePageFactory, StandardPageFactory, add_topics
from tests.search.helpers import found_titles

pytestmark = pytest.mark.django_db


def resource_titles(response):
    return [resource.title for resource in response.context["resource_page"]]


# -- A resource's page ------------------------------------------------------------------------


def test_resource_page_shows_its_facts_and_offers_its_file(client, guide):
    html = client.get("/en/resources/guide/").content.decode()

    assert "<h1>Guide for local authorities</h1>" in html
    assert "<dd>Guide</dd>" in html
    assert "15 January 2016" in html
    assert f'href="{guide.document.url}" download' in html
    assert "Only available" not in html


def test_french_page_says_when_its_file_is_only_in_english(client, guide, french_guide):
    html = client.get("/fr/ressources/guide-fr/").content.decode()

    assert "<h1>Guide pour les autorités locales</h1>" in html
    assert "Un outil pour les autorités locales." in html
    assert f'href="{guide.document.url}" download' in html
    assert "Disponible uniquement en anglais." in html


def test_french_page_offers_the_french_file_a_translator_chose(
    client, guide, french_guide, choose_file
):
    french_file = DocumentFactory(title="Guide, édition française")
    choose_file(french_guide, french_file)

    french_html = client.get("/fr/ressources/guide-fr/").content.decode()
    english_html = client.get("/en/resources/guide/").content.decode()

    assert f'href="{french_file.url}" download' in french_html
    assert guide.document.url not in french_html
    assert "Disponible uniquement" not in french_html
    assert "<dd>Français</dd>" in french_html
    assert f'href="{guide.document.url}" download' in english_html


def test_the_french_file_stays_when_the_english_page_changes(
    client, guide, french_guide, choose_file, translate
):
    french_file = DocumentFactory(title="Guide, édition française")
    choose_file(french_guide, french_file)

    guide.summary = "A tool for local authorities, revised."
    guide.save_revision().publish()
    translate(guide, {"A tool for local authorities, revised.": "Un outil, revu."})

    assert f'href="{french_file.url}"' in client.get("/fr/ressources/guide-fr/").content.decode()


def test_an_english_page_whose_file_is_french_says_so(client, library):
    resource = ResourcePageFactory(parent=library, file_language="fr")

    assert "Only available in French." in client.get(resource.url).content.decode()


def test_french_page_links_the_french_version_of_its_seminar(
    client, library, bordeaux_seminar, translate, home
):
    resource = ResourcePageFactory(
        parent=library, title="Proceedings", slug="proceedings", related_event=bordeaux_seminar
    )
    translate(home)
    translate(bordeaux_seminar.get_parent(), {"seminars": "seminaires"})
    translate(bordeaux_seminar, {"Bordeaux seminar": "Séminaire de Bordeaux"})
    translate(library, {"resources": "ressources"})
    translate(resource, {"proceedings": "actes"})

    html = client.get("/fr/ressources/actes/").content.decode()

    link = f'<a href="/fr/seminaires/{bordeaux_seminar.slug}/">Séminaire de Bordeaux</a>'
    assert link in html


def test_a_resource_relates_only_to_an_event(library, home):
    resource = ResourcePageFactory.build(related_event=StandardPageFactory(parent=home))

    with pytest.raises(ValidationError) as error:
        resource.clean()

    assert "related_event" in error.value.message_dict


def test_a_resource_related_to_a_seminar_links_to_it(client, library, bordeaux_seminar):
    resource = ResourcePageFactory(parent=library, related_event=bordeaux_seminar)
    resource.full_clean()

    html = client.get(resource.url).content.decode()

    assert f'<a href="{bordeaux_seminar.url}">Bordeaux seminar</a>' in html


# -- The library ------------------------------------------------------------------------------


@pytest.fixture
def shelf(library):
    """A guide (2016, prevention), a training programme (2017, training) and a report (2017,
    prevention), in the order the library lists them: newest first."""
    resources = {
        "Report": ResourcePageFactory(
            parent=library, resource_type=ResourceType.REPORT, date=datetime.date(2017, 9, 1)
        ),
        "Training": ResourcePageFactory(
            parent=library,
            resource_type=ResourceType.TRAINING_PROGRAMME,
            date=datetime.date(2017, 2, 1),
        ),
        "Guide": ResourcePageFactory(
            parent=library, resource_type=ResourceType.GUIDE, date=datetime.date(2016, 1, 1)
        ),
    }
    for name, topic in [
        ("Report", "prevention"),
        ("Training", "training"),
        ("Guide", "prevention"),
    ]:
        resource = resources[name]
        resource.title = name
        add_topics(resource, topic)
        resource.save_revision().publish()
    return resources


def test_library_lists_resources_newest_first(client, shelf):
    assert resource_titles(client.get("/en/resources/")) == ["Report", "Training", "Guide"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ({"type": "guide"}, ["Guide"]),
        ({"topic": "prevention"}, ["Report", "Guide"]),
        ({"year": "2017"}, ["Report", "Training"]),
        ({"topic": "prevention", "year": "2017"}, ["Report"]),
        ({"type": "presentation"}, []),
    ],
)
def test_library_filters_by_type_topic_and_year(client, shelf, query, listed):
    assert resource_titles(client.get("/en/resources/", query)) == listed


def test_library_filter_leads_to_the_list_and_says_its_number(client, shelf):
    html = client.get("/en/resources/", {"year": "2017"}).content.decode()

    assert 'action="/en/resources/#resource-list"' in html
    assert 'data-result-announcement="2 resources" data-list="resource-list"' in html


def test_library_offers_only_topics_and_years_it_holds(client, shelf):
    form = client.get("/en/resources/").context["library"].form

    assert list(form.fields["topic"].choices)[1:] == [
        ("prevention", "prevention"),
        ("training", "training"),
    ]
    assert list(form.fields["year"].choices)[1:] == [("2017", "2017"), ("2016", "2016")]


def test_unknown_filter_value_is_reported_and_every_resource_listed(client, shelf):
    response = client.get("/en/resources/", {"year": "1999", "type": "<script>"})

    assert response.status_code == 200
    assert resource_titles(response) == ["Report", "Training", "Guide"]
    html = response.content.decode()
    assert html.count("field--error") == 2
    assert "<script>" not in html.split("<main", 1)[1]


def test_library_is_paginated_keeping_its_filters(client, shelf, settings):
    settings.RESOURCES_PAGE_SIZE = 1

    first = client.get("/en/resources/", {"topic": "prevention"})
    second = client.get("/en/resources/", {"topic": "prevention", "page": "2"})

    assert resource_titles(first) == ["Report"]
    assert resource_titles(second) == ["Guide"]
    assert 'href="?topic=prevention&amp;page=2"' in first.content.decode()
    assert client.get("/en/resources/", {"page": "3", "topic": "prevention"}).status_code == 404


# -- Search, API, sitemap ---------------------------------------------------------------------


def test_site_search_finds_a_resource_by_its_files_title(client, library):
    ResourcePageFactory(
        parent=library,
        title="Guide for local authorities",
        document=DocumentFactory(title="Vademecum of prevention"),
    )

    response = client.get("/en/search/", {"q": "vademecum"})

    assert found_titles(response) == ["Guide for local authorities"]
    assert str(response.context["search_results"][0].type_label) == "Resource"


def test_api_gives_each_language_the_language_of_its_file(client, guide, french_guide, choose_file):
    choose_file(french_guide, DocumentFactory(title="Guide, édition française"))

    items = client.get(
        "/api/v2/pages/",
        {"type": "resources.ResourcePage", "fields": "resource_type,date,document,file_language"},
    ).json()["items"]

    assert {item["meta"]["locale"]: item["file_language"] for item in items} == {
        "en": "en",
        "fr": "fr",
    }
    assert {item["resource_type"] for item in items} == {"guide"}
    assert all(item["document"]["meta"]["download_url"] for item in items)


def test_sitemap_lists_resources_in_both_languages(client, french_guide):
    xml = client.get("/sitemap-pages.xml").content.decode()

    assert "/en/resources/guide/</loc>" in xml
    assert "/fr/ressources/guide-fr/</loc>" in xml


def test_editors_can_add_a_resource_in_the_admin(admin_client, library):
    response = admin_client.get(f"/admin/pages/add/resources/resourcepage/{library.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="document"' in html
    assert 'name="related_event"' in html
