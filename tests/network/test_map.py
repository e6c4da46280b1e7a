import random
import re

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from network.map import MAX_MARKERS, SHAPES, project, render_map
from network.map import markers as map_markers
from network.models import PartnerKind, PartnerPage
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

PARIS, BRUSSELS, ROME = (48.857, 2.352), (50.847, 4.357), (41.893, 12.483)
ROTTERDAM, BERLIN = (51.924, 4.478), (52.520, 13.405)


def place(latitude_longitude):
    latitude, longitude = latitude_longitude
    return {"latitude": latitude, "longitude": longitude}


@pytest.fixture
def directory(home):
    index = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(
        parent=index, title="Efus", kind=PartnerKind.LEAD, city="Paris", **place(PARIS)
    )
    PartnerPageFactory(
        parent=index, title="City of Rotterdam", city="Rotterdam", country="NL", **place(ROTTERDAM)
    )
    PartnerPageFactory(
        parent=index, title="Ufuq", kind=PartnerKind.NGO, country="DE", city="", **place(BERLIN)
    )
    PartnerPageFactory(parent=index, title="Nowhere", country="BE")  # no coordinates
    return index


def markers(response):
    """{accessible name: (href, shape)} of the map's markers, in the page's order."""
    html = response.content.decode()
    found = re.findall(
        r'<a class="network-map__marker[^"]*" href="([^"]+)" aria-labelledby="([^"]+)">\s*'
        r'<title id="\2">([^<]+)</title>\s*<path d="([^"]+)"',
        html,
    )
    return {name: (href, shape) for href, _id, name, shape in found}


def test_directory_map_links_each_placed_partner_under_its_name(client, directory):
    response = client.get(directory.url)

    found = markers(response)
    assert list(found) == [
        "Efus – Lead organisation, Paris, France",
        "City of Rotterdam – City, Rotterdam, Netherlands",
        "Ufuq – Non-governmental organisation, Germany",
    ]
    rotterdam = directory.get_children().get(title="City of Rotterdam")
    assert found["City of Rotterdam – City, Rotterdam, Netherlands"][0] == rotterdam.url


def test_partner_without_coordinates_is_listed_but_not_on_the_map(client, directory):
    response = client.get(directory.url)

    assert not any(name.startswith("Nowhere") for name in markers(response))
    assert "Nowhere" in [p.title for _, group in response.context["partner_groups"] for p in group]
    assert "1 partner with no location on record is only in the list." in response.content.decode()


def test_map_markers_follow_the_directory_filters(client, directory):
    by_country = markers(client.get(directory.url, {"country": "NL"}))
    by_kind = markers(client.get(directory.url, {"kind": "ngo"}))

    assert [name.split(" – ")[0] for name in by_country] == ["City of Rotterdam"]
    assert [name.split(" – ")[0] for name in by_kind] == ["Ufuq"]


def test_partner_kinds_have_markers_of_different_shapes(client, directory):
    shapes = [shape for _href, shape in markers(client.get(directory.url)).values()]

    assert shapes == [SHAPES[PartnerKind.LEAD], SHAPES[PartnerKind.CITY], SHAPES[PartnerKind.NGO]]
    assert len(set(SHAPES.values())) == len(PartnerKind)


def test_home_page_map_refers_to_the_directory_for_the_list(client, directory, home):
    response = client.get(home.url)

    assert len(markers(response)) == 3
    assert f'The <a href="{directory.url}">partner directory</a> lists them' in (
        response.content.decode()
    )


def test_french_map_names_partners_and_countries_in_french(
    client, directory, home, translate, french
):
    translate(home)
    translate(directory)
    rotterdam = directory.get_children().specific().get(title="City of Rotterdam")
    translate(rotterdam, {"City of Rotterdam": "Ville de Rotterdam"})

    response = client.get(home.get_translation(french).url)

    assert list(markers(response)) == ["Ville de Rotterdam – Ville, Rotterdam, Pays-Bas"]
    french_rotterdam = rotterdam.get_translation(french).specific
    assert (french_rotterdam.latitude, french_rotterdam.longitude) == ROTTERDAM


def test_projection_puts_paris_west_of_brussels_and_rome_south_of_both():
    paris, brussels, rome = project(*PARIS), project(*BRUSSELS), project(*ROME)

    assert paris[0] < brussels[0] < rome[0]
    assert rome[1] > paris[1] > brussels[1]  # y grows southwards


def test_partners_at_the_same_place_get_markers_apart(client, directory):
    index = directory
    PartnerPageFactory(
        parent=index, title="French Forum", kind=PartnerKind.NATIONAL_FORUM, **place(PARIS)
    )

    html = client.get(index.url).content.decode()

    positions = re.findall(r'transform="translate\(([^)]+)\)"', html)
    assert len(positions) == len(set(positions)) == 4
    assert 'class="network-map__leader"' in html


@pytest.mark.parametrize(
    ("coordinates", "wrong_field"),
    [
        ({"latitude": 48.8, "longitude": None}, "longitude"),
        ({"latitude": None, "longitude": 2.3}, "latitude"),
        ({"latitude": 91, "longitude": 2.3}, "latitude"),
        ({"latitude": 48.8, "longitude": -181}, "longitude"),
    ],
)
def test_incomplete_or_impossible_coordinates_are_refused(directory, coordinates, wrong_field):
    partner = directory.get_children().specific().get(title="City of Rotterdam")
    for name, value in coordinates.items():
        setattr(partner, name, value)

    with pytest.raises(ValidationError) as refused:
        partner.full_clean()

    assert wrong_field in refused.value.message_dict


def test_partner_page_shows_a_map_of_its_place(client, directory):
    rotterdam = directory.get_children().get(title="City of Rotterdam")

    html = client.get(rotterdam.url).content.decode()

    assert 'class="map-inset"' in html
    assert "Where City of Rotterdam is: Rotterdam, Netherlands" in html
    x, y = project(*ROTTERDAM)
    assert f'transform="translate({x:.1f} {y:.1f})"' in html


def test_partner_page_without_coordinates_has_no_map(client, directory):
    nowhere = directory.get_children().get(title="Nowhere")

    html = client.get(nowhere.url).content.decode()

    assert "Nowhere" in html
    assert 'class="map-inset"' not in html


def test_editors_place_a_partner_next_to_its_city_and_country(admin_client, directory):
    rotterdam = directory.get_children().get(title="City of Rotterdam")

    html = admin_client.get(f"/admin/pages/{rotterdam.pk}/edit/").content.decode()

    assert 'name="latitude"' in html
    assert 'name="longitude"' in html
    assert html.index('name="city"') < html.index('name="latitude"') < html.index('name="website"')


def test_map_costs_two_queries_however_many_partners_it_places(
    directory, rf, django_assert_num_queries
):
    for number in range(20):
        PartnerPageFactory(parent=directory, title=f"City {number}", **place(ROME))
    partners = PartnerPage.objects.child_of(directory).live().order_by("path")
    request = rf.get("/en/partners/")
    render_map(partners, request, directory=None)  # the site and its root paths, once

    # The placed partners' marker columns, then the number of those without a place: no
    # column loaded later, partner by partner.
    with django_assert_num_queries(2):
        html = render_map(partners, request, directory=None)

    assert html.count('<a class="network-map__marker ') == 23
    assert "1 partner with no location on record is only in the list." in html


def test_partners_close_together_share_a_marker_beyond_the_maps_limit(
    client, directory, monkeypatch
):
    monkeypatch.setattr("network.map.MAX_MARKERS", 4)  # Paris, Rotterdam, Berlin, Rome
    for number in range(4):
        PartnerPageFactory(
            parent=directory, title=f"Roman partner {number}", city="Rome", country="IT",
            **place(ROME),
        )  # fmt: skip

    found = markers(client.get(directory.url))

    assert found["4 partners around Rome, Italy"][0] == "?country=IT#partner-list"
    # Alone in their part of the map, the others keep their own marker.
    assert {
        "Efus – Lead organisation, Paris, France",
        "Ufuq – Non-governmental organisation, Germany",
    } <= set(found)
    assert 'class="network-map__count" x=' in client.get(directory.url).content.decode()


def test_a_map_of_7000_partners_stays_readable_and_light(rf):
    """The network grown a hundredfold: every partner placed somewhere in Europe."""
    spread = random.Random(7)
    partners = [
        PartnerPage(
            title=f"Partner {number}",
            url_path=f"/home/partners/partner-{number}/",
            kind=PartnerKind.CITY,
            city=f"City {number % 500}",
            country="FR",
            latitude=spread.uniform(36, 60),
            longitude=spread.uniform(-9, 30),
        )
        for number in range(7000)
    ]

    placed = map_markers(partners, rf.get("/en/"), group_url=lambda code: "#partner-list")
    html = render_to_string(
        "network/network_map.html",
        {"markers": placed, "view_box": "0 0 1000 877", "width": 1000, "height": 877},
    )

    assert len(placed) <= MAX_MARKERS
    assert sum(marker.count for marker in placed) == 7000
    assert len(html.encode()) < 50_000
