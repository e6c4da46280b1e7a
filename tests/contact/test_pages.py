import re

import pytest

from discussion.models import CommentSettings
from tests.contact.conftest import FRENCH
from tests.factories import StandardPageFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

E_MAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_contact_page_shows_the_team_and_the_form_without_any_e_mail_address(client, contact_page):
    TeamMemberFactory(name="Juan Cristellys", role="LIAISE 2 contact", organisation="Efus")

    html = html_of(client, contact_page)

    assert "Juan Cristellys" in html
    assert "LIAISE 2 contact" in html
    assert 'name="message"' in html
    assert 'name="form_time"' in html
    assert "csrfmiddlewaretoken" not in html  # the page is cached for every visitor
    assert E_MAIL_ADDRESS.findall(html) == []


def test_french_contact_page_shows_the_french_team_and_labels(
    client, contact_page, translate, french
):
    english = TeamMemberFactory(name="Emilie Petit", role="Project contact")
    TeamMemberFactory(
        name="Emilie Petit",
        role="Contact du projet",
        locale=french,
        translation_key=english.translation_key,
    )
    translate(contact_page, FRENCH)
    french_page = contact_page.get_translation(french)

    html = html_of(client, french_page)

    assert "Contact du projet" in html
    assert "Project contact" not in html
    assert "Courriel *" in html
    assert "Écrivez à l’équipe." in html
    assert f'action="/fr/contact-form/{french_page.pk}/' in html
    assert E_MAIL_ADDRESS.findall(html) == []


def test_french_answers_are_stored_under_the_english_field_names(
    contact_page, translate, french, message_data, send
):
    translate(contact_page, FRENCH)
    french_page = contact_page.get_translation(french)

    response = send(french_page, message_data(page=french_page))

    assert response.status_code == 302
    assert french_page.specific.get_submissions().get().form_data["e_mail"] == "ana@example.net"


def test_team_block_lists_the_team_of_the_pages_language(client, home, french):
    TeamMemberFactory(name="Juan Cristellys", role="Project contact", sort_order=2)
    TeamMemberFactory(name="Emilie Petit", role="Project contact", sort_order=1)
    TeamMemberFactory(name="Only in French", locale=french)
    about = StandardPageFactory(parent=home, title="About", body=[("team", None)])

    html = html_of(client, about)

    assert html.index("Emilie Petit") < html.index("Juan Cristellys")
    assert "Only in French" not in html


def test_a_changed_team_member_shows_at_once(client, contact_page):
    member = TeamMemberFactory(name="Juan Cristellys")
    html_of(client, contact_page)  # the team's HTML is now kept

    member.role = "Coordinator"
    member.save()

    assert "Coordinator" in html_of(client, contact_page)


def test_contact_form_links_the_privacy_notice(client, contact_page, home):
    privacy = StandardPageFactory(parent=home, title="Privacy notice", slug="privacy")
    settings = CommentSettings.load()
    settings.privacy_page = privacy
    settings.save()

    assert f'href="{privacy.url}"' in html_of(client, contact_page)
