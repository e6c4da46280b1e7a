import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from events.models import SeminarPage
from home.models import HomePage, StandardPage
from network.models import PartnerKind, PartnerPage
from news.models import NewsPage

pytestmark = pytest.mark.django_db

# The seed's list, in its own order; associates carry the seed's asterisk.
SEED_ORGANISATIONS = {
    "Efus (European Forum for Urban Security)",
    "Alexandroupoli", "Augsburg", "Bagneux", "Barcelona*", "Bologna", "Bordeaux", "Brno*",
    "Brussels", "Charleroi", "Düsseldorf", "Essen", "The Hague", "L’Hospitalet de Llobregat",
    "Liège", "Leuven", "Malmö", "Montreuil*", "Paris", "Reggio Emilia", "Rotterdam*",
    "Sarcelles", "Setúbal", "Toulouse",
    "Protection of the Constitution of Bremen*", "State of Bavaria*",
    "Generalitat of Catalonia", "Departmental Council of Val d’Oise",
    "Belgian Forum for Urban Security", "French Forum for Urban Security",
    "German Forum for Urban Security", "Italian Forum for Urban Security",
    "Ufuq", "Culture Interactive e.V.*", "Confederation of European Probation (CEP)",
}  # fmt: skip
SEED_COUNTRIES = {"GR", "DE", "FR", "ES", "IT", "CZ", "BE", "NL", "SE", "PT"}
SEED_SEMINARS = {
    ("Bordeaux", "FR", datetime.date(2016, 5, 26), datetime.date(2016, 5, 27)),
    ("Leuven", "BE", datetime.date(2016, 10, 11), datetime.date(2016, 10, 12)),
    ("The Hague", "NL", datetime.date(2017, 3, 29), datetime.date(2017, 3, 29)),
    ("Rimini", "IT", datetime.date(2017, 5, 19), datetime.date(2017, 5, 19)),
}


@pytest.fixture
def demo(db):
    call_command("load_demo_content")


def test_demo_home_page_replaces_wagtails_placeholder(demo):
    root = Site.objects.get(is_default_site=True).root_page.specific

    assert isinstance(root, HomePage)
    assert Page.objects.filter(depth=2).count() == 1


def test_demo_has_every_organisation_of_the_seed_with_its_associate_status(demo):
    partners = PartnerPage.objects.all()

    assert {p.title + ("*" if p.is_associate else "") for p in partners} == SEED_ORGANISATIONS
    assert {str(p.country) for p in partners if p.country} == SEED_COUNTRIES
    assert partners.get(kind=PartnerKind.LEAD).title.startswith("Efus")
    assert all(p.logo and p.logo.description for p in partners)


def test_demo_has_the_four_seminars_with_their_dates(demo):
    seminars = {
        (s.city, s.country.code, s.start_date, s.end_date) for s in SeminarPage.objects.all()
    }

    assert seminars == SEED_SEMINARS


def test_demo_announces_each_seminar_in_the_news(demo):
    assert NewsPage.objects.live().count() == 4
    assert all(news.tags.filter(name="seminar").exists() for news in NewsPage.objects.all())


def test_demo_about_page_carries_the_seed_facts(demo, client):
    about = StandardPage.objects.get(slug="about")

    html = client.get(about.url).content.decode()

    for fact in ["Council of Europe", "Initiated in 2014", "January 2016", "Juan Cristellys"]:
        assert fact in html


def test_demo_loader_is_idempotent(demo):
    counts = (Page.objects.count(), PartnerPage.objects.count(), NewsPage.objects.count())

    call_command("load_demo_content")

    assert (Page.objects.count(), PartnerPage.objects.count(), NewsPage.objects.count()) == counts


def test_demo_pages_all_render(demo, client):
    for page in Page.objects.live().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url


def test_demo_directory_lists_every_organisation(demo, client):
    html = client.get("/en/partners/").content.decode()

    assert all(f'href="{partner.url}"' in html for partner in PartnerPage.objects.all())
