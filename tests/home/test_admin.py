import pytest

from tests.factories import (
    EventIndexPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
)

pytestmark = pytest.mark.django_db


def test_admin_dashboard_loads_for_a_superuser(admin_client, home):
    response = admin_client.get("/admin/")

    assert response.status_code == 200


@pytest.mark.parametrize("make_page", ["partner", "seminar"])
def test_page_editor_loads_for_a_superuser(admin_client, home, make_page):
    if make_page == "partner":
        page = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    else:
        page = SeminarPageFactory(parent=EventIndexPageFactory(parent=home))

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_new_partner_form_loads_in_the_directory(admin_client, home):
    directory = PartnerIndexPageFactory(parent=home)

    response = admin_client.get(f"/admin/pages/add/network/partnerpage/{directory.pk}/")

    assert response.status_code == 200
