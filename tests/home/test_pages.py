import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from contact.models import ContactPage
from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from network.models import PartnerIndexPage
from news.models import NewsIndexPage
from pilots.models import PilotProjectIndexPage
from resources.models import ResourceIndexPage
from tests.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_visitors_language(client, home):
    assert client.get("/", headers={"accept-language": "fr"}).url == "/fr/"
    assert client.get("/", headers={"accept-language": "de"}).url == "/en/"


def test_home_page_shows_intro_and_figures_computed_from_partners(client, home):
    directory = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=directory, country="FR")
    PartnerPageFactory(parent=directory, country="FR")
    PartnerPageFactory(parent=directory, country="BE", is_associate=True)
    PartnerPageFactory(parent=directory, country="DE", live=False)

    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["network_figures"] == {
        "organisations": 3,
        "associates": 1,
        "countries": 2,
    }
    html = response.content.decode()
    assert home.intro in html
    assert "Co-funded by the European Union" in html


def test_home_page_shows_upcoming_seminar_and_latest_news(client, home):
    seminars = EventIndexPageFactory(parent=home)
    SeminarPageFactory(parent=seminars, title="Past seminar", start_date=datetime.date(2016, 5, 26))
    SeminarPageFactory(
        parent=seminars,
        title="Next seminar",
        start_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Fresh news")

    html = client.get("/en/").content.decode()

    assert "Next seminar" in html
    assert "Fresh news" in html


def test_home_page_falls_back_to_latest_seminar_when_none_is_upcoming(client, home):
    seminars = EventIndexPageFactory(parent=home)
    SeminarPageFactory(
        parent=seminars, title="Rimini seminar", start_date=datetime.date(2017, 5, 19)
    )

    response = client.get("/en/")

    assert response.context["latest_seminar"].title == "Rimini seminar"
    assert "Rimini seminar" in response.content.decode()


def test_standard_page_renders_intro_and_body(client, home):
    page = StandardPageFactory(
        parent=home,
        title="About LIAISE 2",
        intro="What the project does.",
        body=[
            ("heading", {"text": "Building on LIAISE", "level": "h2"}),
            ("paragraph", "<p>Initiated in 2014 by Efus.</p>"),
        ],
    )

    html = client.get(page.url).content.decode()

    for expected in ["About LIAISE 2", "What the project does.", "Building on LIAISE", "2014"]:
        assert expected in html


def test_main_menu_links_to_sections_in_menu(client, home):
    StandardPageFactory(parent=home, title="About LIAISE 2", show_in_menus=True)
    StandardPageFactory(parent=home, title="Hidden page", show_in_menus=False)

    html = client.get("/en/").content.decode()

    assert "About LIAISE 2" in html
    assert "Hidden page" not in html


def test_unknown_url_gives_a_styled_not_found_page(client, home):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "liaise.css" in html


class TestHomeTreeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_takes_the_site_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                PartnerIndexPage,
                EventIndexPage,
                PilotProjectIndexPage,
                NewsIndexPage,
                ResourceIndexPage,
                ContactPage,
            },
        )

    def test_each_section_goes_under_a_home_page_only(self):
        for section in (PartnerIndexPage, EventIndexPage, ResourceIndexPage, ContactPage):
            self.assertAllowedParentPageTypes(section, {HomePage})

    def test_a_second_directory_cannot_be_added_under_the_same_home(self):
        home = HomePage(title="Home", intro="Intro", slug="home2")
        Page.get_first_root_node().add_child(instance=home)
        home.add_child(instance=PartnerIndexPage(title="Partners", slug="partners"))

        assert not PartnerIndexPage.can_create_at(home)


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client, home):
    html = client.get("/en/").content.decode()
    response = client.get("/favicon.ico")

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert (response.status_code, response["Location"]) == (301, "/static/favicon.ico")


@pytest.mark.parametrize(
    ("language", "flag", "statement", "disclaimer"),
    [
        (
            "en",
            "Flag of the European Union",
            "Co-funded by the European Union",
            "Neither the European Union nor the European Commission can be held responsible",
        ),
        (
            "fr",
            "Drapeau de l’Union européenne",
            "Cofinancé par l’Union européenne",
            "Ni l’Union européenne ni la Commission européenne ne sauraient en être tenues",
        ),
    ],
)
def test_every_page_shows_the_eu_emblem_in_its_header_and_the_disclaimer_in_its_footer(
    client, home, translate, language, flag, statement, disclaimer
):
    translate(home, {"Co-funded by the European Union": "Cofinancé par l’Union européenne"})

    html = client.get(f"/{language}/").content.decode()
    header, footer = html.split('<footer class="site-footer">', 1)

    assert f'src="/static/img/eu-emblem.svg" width="60" height="40" alt="{flag}"' in header
    assert statement in header
    assert 'src="/static/img/liaise2-mark.svg" width="40" height="40"' in header
    assert disclaimer in footer
    assert 'href="https://efus.eu/"' in footer


def test_a_second_contact_page_cannot_be_added_under_the_same_home(home):
    ContactPageFactory(parent=home)

    assert not ContactPage.can_create_at(home)
