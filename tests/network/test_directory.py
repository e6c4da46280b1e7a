import pytest
from wagtail.test.utils import WagtailPageTestCase

from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from pagecache.data import process_memo
from tests.factories import ImageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.performance.test_query_counts import CEILINGS

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    index = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=index, title="Bordeaux", country="FR")
    PartnerPageFactory(parent=index, title="Rotterdam", country="NL", is_associate=True)
    PartnerPageFactory(
        parent=index, title="Ufuq", kind=PartnerKind.NGO, country="DE", city="", summary="NGO."
    )
    return index


def listed_titles(response):
    return sorted(p.title for _, group in response.context["partner_groups"] for p in group)


def test_directory_lists_every_partner_grouped_by_kind(client, directory):
    response = client.get(directory.url)

    assert response.status_code == 200
    assert listed_titles(response) == ["Bordeaux", "Rotterdam", "Ufuq"]
    headings = [str(heading) for heading, _ in response.context["partner_groups"]]
    assert headings == ["Cities", "Non-governmental organisations"]


def test_directory_filters_by_country(client, directory):
    response = client.get(directory.url, {"country": "NL"})

    html = response.content.decode()
    assert listed_titles(response) == ["Rotterdam"]
    # The form leads to the list, whose number a live region then says (static/js/results.js).
    assert f'action="{directory.url}#partner-list"' in html
    assert 'data-result-announcement="1 partner listed" data-list="partner-list"' in html


def test_directory_filters_by_kind(client, directory):
    response = client.get(directory.url, {"kind": "ngo"})

    assert listed_titles(response) == ["Ufuq"]


def test_directory_filters_associates_and_marks_them(client, directory):
    response = client.get(directory.url, {"status": "associate"})

    assert listed_titles(response) == ["Rotterdam"]
    assert "Associate partner" in response.content.decode()


def test_directory_offers_only_countries_that_have_partners(client, directory):
    response = client.get(directory.url)

    choices = dict(response.context["directory"].form.fields["country"].choices)
    assert set(choices) == {"", "DE", "FR", "NL"}


def test_unknown_filter_value_is_reported_not_a_server_error(client, directory):
    response = client.get(directory.url, {"country": "XX"})

    assert response.status_code == 200
    assert "country" in response.context["directory"].form.errors
    assert "Select a valid choice" in response.content.decode()


def test_invalid_kind_is_reported_and_every_partner_listed(client, directory):
    response = client.get(directory.url, {"kind": "nonsense"})

    assert response.status_code == 200
    assert "kind" in response.context["directory"].form.errors
    assert "Select a valid choice" in response.content.decode()
    assert listed_titles(response) == ["Bordeaux", "Rotterdam", "Ufuq"]
    assert response.context["partner_page"].paginator.count == 3


def test_invalid_value_leaves_the_valid_filters_in_force(client, directory):
    response = client.get(directory.url, {"kind": "ngo", "country": "XX"})

    assert response.status_code == 200
    assert "country" in response.context["directory"].form.errors
    assert listed_titles(response) == ["Ufuq"]


def listing_keys():
    """The keys of the directory's listings kept in this process (pagecache.data)."""
    return {key for key in process_memo if key.startswith("pagecache:partner-listing:")}


def test_invalid_filter_values_add_no_listing_of_their_own(client, directory):
    client.get(directory.url)
    client.get(directory.url, {"kind": "ngo"})
    assert len(listing_keys()) == 2

    for query in [
        {"kind": "nonsense"},
        {"kind": "other-nonsense", "status": "?"},
        {"kind": "x" * 200, "country": "XX"},
        {"kind": "ngo", "country": "XX"},
        {"kind": "ngo", "country": "YY", "status": "none"},
    ]:
        assert client.get(directory.url, query).status_code == 200

    assert len(listing_keys()) == 2


def test_directory_shows_network_figures_computed_from_partners(client, directory):
    response = client.get(directory.url)

    assert response.context["network_figures"] == {
        "organisations": 3,
        "associates": 1,
        "countries": 3,
    }


def test_directory_query_count_does_not_grow_with_partners(
    client, directory, django_assert_max_num_queries
):
    for n in range(10):
        PartnerPageFactory(parent=directory, logo=ImageFactory(), country="BE", title=f"City {n}")

    client.get(directory.url)  # the first visit creates the image renditions
    with django_assert_max_num_queries(CEILINGS["partner directory"]):
        response = client.get(directory.url)
    assert len(listed_titles(response)) == 13


def test_partner_page_shows_its_profile(client, directory):
    partner = PartnerPageFactory(
        parent=directory,
        title="Malmö",
        country="SE",
        website="https://malmo.se/",
        is_associate=True,
        logo=ImageFactory(title="Malmö logo", description="Logo of Malmö"),
        body=[("paragraph", "<p>A city in Skåne.</p>")],
    )

    html = client.get(partner.url).content.decode()

    for expected in ["Malmö", "Sweden", "https://malmo.se/", "A city in Skåne.", "Logo of Malmö"]:
        assert expected in html
    assert "Associate partner" in html


class TestPartnerTreeRules(WagtailPageTestCase):
    def test_partners_live_only_in_the_directory(self):
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})

    def test_directory_takes_only_partners(self):
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
