import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from pilots.models import (
    PilotProjectIndexPage,
    PilotProjectPage,
    PilotProjectPartner,
    PilotProjectPicture,
    PilotStatus,
)
from tests.factories import ImageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.factories import PilotProjectIndexPageFactory as PilotIndex
from tests.factories import PilotProjectPageFactory as Pilot

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(home):
    return PartnerIndexPageFactory(parent=home)


@pytest.fixture
def pilot_index(home):
    return PilotIndex(parent=home)


@pytest.fixture
def bordeaux(partners):
    return PartnerPageFactory(parent=partners, title="City of Bordeaux", city="Bordeaux")


@pytest.fixture
def bordeaux_pilot(pilot_index, bordeaux):
    """A running pilot in Bordeaux, run by the city, with a picture."""
    pilot = Pilot(
        parent=pilot_index,
        title="Mentoring young people",
        summary="Youth workers mentor young people at risk.",
        start_date=datetime.date(2016, 9, 1),
        end_date=datetime.date(2017, 6, 30),
        objectives=[("paragraph", "<p>Reach 50 young people.</p>")],
        contact="Jane Doe, youth service of the City of Bordeaux",
    )
    PilotProjectPartner.objects.create(page=pilot, partner=bordeaux)
    PilotProjectPicture.objects.create(
        page=pilot, image=ImageFactory(), alt_text="A mentoring session", locale=pilot.locale
    )
    return pilot


def marker_names(html):
    """The accessible names of the map's markers, in the page's order."""
    marker = r'<a class="network-map__marker[^>]*>\s*<title id="[^"]+">([^<]+)</title>'
    return re.findall(marker, html)


def test_pilot_page_shows_its_facts_partners_and_pictures(client, bordeaux_pilot, bordeaux):
    html = client.get(bordeaux_pilot.url).content.decode()

    for expected in [
        "Mentoring young people",
        "Running",
        'datetime="2016-09"',
        'datetime="2017-06"',
        "Bordeaux",
        "France",
        "Reach 50 young people.",
        "Jane Doe, youth service of the City of Bordeaux",
        'alt="A mentoring session"',
        f'href="{bordeaux.url}"',
        "Where the project takes place: Bordeaux, France",  # the map inset's caption
    ]:
        assert expected in html


def test_french_pilot_page_is_in_french_and_links_the_french_partner(
    client, home, partners, pilot_index, bordeaux, bordeaux_pilot, translate, french
):
    translate(home)
    translate(partners, {"Partners": "Partenaires", "partners": "partenaires"})
    translate(pilot_index, {"Pilot projects": "Projets pilotes", "pilot-projects": "projets"})
    translate(bordeaux, {"City of Bordeaux": "Ville de Bordeaux"})
    translate(
        bordeaux_pilot,
        {"Mentoring young people": "Tutorat de jeunes", "A mentoring session": "Une séance"},
    )
    french_pilot = bordeaux_pilot.get_translation(french)

    html = client.get(french_pilot.url).content.decode()

    assert "Tutorat de jeunes" in html
    assert "En cours" in html
    assert 'alt="Une séance"' in html
    assert "Ville de Bordeaux" in html
    assert f'href="{bordeaux.get_translation(french).url}"' in html


def test_pilot_page_link_preview_shows_its_first_picture(client, bordeaux_pilot):
    html = client.get(bordeaux_pilot.url).content.decode()

    assert re.search(r'<meta property="og:image" content="https://[^"]+\.fill-1200x630', html)
    assert '<meta property="og:image:alt" content="A mentoring session">' in html


def test_partner_page_lists_the_pilot_projects_it_runs(client, bordeaux, bordeaux_pilot):
    Pilot(parent=bordeaux_pilot.get_parent(), title="Someone else's pilot")

    response = client.get(bordeaux.url)

    html = response.content.decode()
    assert f'href="{bordeaux_pilot.url}"' in html
    assert "Mentoring young people" in html
    assert "Someone else's pilot" not in html


def test_index_filters_by_status_and_country(client, pilot_index):
    Pilot(parent=pilot_index, title="Running in France", status=PilotStatus.RUNNING)
    Pilot(parent=pilot_index, title="Planned in France", status=PilotStatus.PLANNED)
    Pilot(parent=pilot_index, title="Running in Belgium", country="BE", city="Liège")

    running = client.get(pilot_index.url, {"status": "running"}).context["pilot_page"]
    belgian_response = client.get(pilot_index.url, {"country": "BE"})
    belgian = belgian_response.context["pilot_page"]

    assert {pilot.title for pilot in running} == {"Running in France", "Running in Belgium"}
    assert [pilot.title for pilot in belgian] == ["Running in Belgium"]
    html = belgian_response.content.decode()
    assert f'action="{pilot_index.url}#pilot-list"' in html
    assert 'data-result-announcement="1 pilot project listed" data-list="pilot-list"' in html


def test_index_offers_only_the_countries_of_its_pilots(client, pilot_index):
    Pilot(parent=pilot_index, country="BE", city="Liège")

    form = client.get(pilot_index.url).context["pilots"].form

    assert [code for code, _name in form.fields["country"].choices if code] == ["BE"]


def test_unknown_status_is_an_error_that_filters_nothing(client, pilot_index):
    Pilot(parent=pilot_index, title="A pilot")

    response = client.get(pilot_index.url, {"status": "cancelled"})

    assert response.status_code == 200
    assert "status" in response.context["pilots"].form.errors
    assert [pilot.title for pilot in response.context["pilot_page"]] == ["A pilot"]


def test_index_is_paginated_latest_first(client, pilot_index, settings):
    settings.PILOTS_PAGE_SIZE = 2
    for month in (1, 2, 3):
        Pilot(parent=pilot_index, title=f"Month {month}", start_date=datetime.date(2016, month, 1))

    first = client.get(pilot_index.url).context["pilot_page"]
    second = client.get(pilot_index.url, {"page": 2}).context["pilot_page"]

    assert [pilot.title for pilot in first] == ["Month 3", "Month 2"]
    assert [pilot.title for pilot in second] == ["Month 1"]
    assert client.get(pilot_index.url, {"page": 3}).status_code == 404


def test_index_map_marks_each_placed_pilot_under_its_name(client, pilot_index):
    Pilot(parent=pilot_index, title="Mentoring", status=PilotStatus.COMPLETED)
    Pilot(parent=pilot_index, title="Nowhere", latitude=None, longitude=None)

    html = client.get(pilot_index.url).content.decode()

    assert marker_names(html) == ["Mentoring – Completed, Bordeaux, France"]
    assert "1 pilot project with no location on record is only in the list." in html


def test_index_map_of_pilots_far_apart_north_to_south_is_landscape(client, pilot_index):
    """Malmö, Leuven and Bordeaux: a map as tall as it is wide would push the list out of
    sight; the map widens around them instead."""
    for title, latitude, longitude in (
        ("Malmö", 55.6, 13.0),
        ("Leuven", 50.88, 4.7),
        ("Bordeaux", 44.84, -0.58),
    ):
        Pilot(parent=pilot_index, title=title, latitude=latitude, longitude=longitude)

    html = client.get(pilot_index.url).content.decode()

    width, height = map(
        float, re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', html).groups()
    )
    assert height <= width * 9 / 16 + 1
    assert len(marker_names(html)) == 3


def test_pilot_cannot_end_before_it_starts(pilot_index):
    pilot = Pilot.build(start_date=datetime.date(2017, 3, 1), end_date=datetime.date(2016, 1, 1))

    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "end_date" in error.value.message_dict


def test_contact_with_an_email_address_is_refused(pilot_index):
    pilot = Pilot.build(contact="Jane Doe, jane.doe@example.org")

    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "contact" in error.value.message_dict


def test_one_coordinate_alone_is_refused(pilot_index):
    pilot = Pilot.build(latitude=44.8, longitude=None)

    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "longitude" in error.value.message_dict


def test_site_search_finds_pilot_projects(client, bordeaux_pilot):
    response = client.get("/en/search/", {"q": "mentor"})

    results = response.context["search_results"]
    assert [result.page.title for result in results] == ["Mentoring young people"]
    assert str(results[0].type_label) == "Pilot project"


def test_api_gives_a_pilot_with_its_fields(client, bordeaux_pilot):
    response = client.get(
        "/api/v2/pages/", {"type": "pilots.PilotProjectPage", "fields": "status,city,start_date"}
    )

    [item] = response.json()["items"]
    assert (item["title"], item["status"], item["city"], item["start_date"]) == (
        "Mentoring young people",
        "running",
        "Bordeaux",
        "2016-09-01",
    )


def test_sitemap_lists_the_pilot_projects(client, bordeaux_pilot):
    xml = client.get("/sitemap-pages.xml").content.decode()

    assert bordeaux_pilot.get_full_url() in xml


class TestPilotTreeRules(WagtailPageTestCase):
    def test_pilots_live_only_in_the_pilot_index(self):
        self.assertAllowedParentPageTypes(PilotProjectPage, {PilotProjectIndexPage})

    def test_pilot_index_takes_only_pilots(self):
        self.assertAllowedSubpageTypes(PilotProjectIndexPage, {PilotProjectPage})
