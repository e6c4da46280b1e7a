"""The page chooser lists pages in the language of the page being edited."""

import pytest

from tests.factories import PartnerIndexPageFactory, PartnerPageFactory, TrainingSessionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def malmo(home, translate):
    """The City of Malmö in English, and its French translation."""
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="City of Malmö")
    translate(partner.get_parent())
    translate(partner, {"City of Malmö": "Ville de Malmö"})
    return partner


def chooser_search(client, user, query, referer=None):
    client.force_login(user)
    headers = {"HTTP_REFERER": f"http://testserver{referer}"} if referer else {}
    response = client.get(
        "/admin/choose-page/search/", {"q": query, "page_type": "network.partnerpage"}, **headers
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_chooser_of_an_english_page_lists_english_partners_only(
    client, admin_user, home, malmo
):
    session = TrainingSessionPageFactory(parent=home)

    listed = chooser_search(client, admin_user, "Malmö", f"/admin/pages/{session.pk}/edit/")

    assert "City of Malmö" in listed
    assert "Ville de Malmö" not in listed


def test_the_chooser_of_a_new_french_page_lists_french_partners_only(
    client, admin_user, malmo, translate, home
):
    french_home = translate(home).get_target_instance()

    listed = chooser_search(
        client, admin_user, "Malmö", f"/admin/pages/add/news/newspage/{french_home.pk}/"
    )

    assert "Ville de Malmö" in listed
    assert "City of Malmö" not in listed


def test_the_chooser_outside_a_page_editor_lists_every_language(client, admin_user, malmo):
    listed = chooser_search(client, admin_user, "Malmö")

    assert "City of Malmö" in listed
    assert "Ville de Malmö" in listed
