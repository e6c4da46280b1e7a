import datetime

import pytest

from news.models import NewsPagePartner
from news.wagtail_hooks import NEWS_OF_PARTNER
from tests.factories import NewsIndexPageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.factories import NewsPageFactory as News

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(home):
    return PartnerIndexPageFactory(parent=home)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def leuven(partners):
    return PartnerPageFactory(parent=partners, title="City of Leuven", city="Leuven")


def news_about(partner, news_index, title, date=datetime.date(2016, 4, 14)):
    news = News(parent=news_index, title=title, date=date)
    NewsPagePartner.objects.create(page=news, partner=partner)
    return news


def test_partner_page_lists_its_news_latest_first(client, leuven, news_index):
    news_about(leuven, news_index, "Older", datetime.date(2016, 1, 11))
    news_about(leuven, news_index, "Newer", datetime.date(2016, 9, 1))
    News(parent=news_index, title="About someone else")

    html = client.get(leuven.url).content.decode()

    assert html.index("Newer") < html.index("Older")
    assert "About someone else" not in html


def test_partner_page_lists_only_its_latest_news(client, leuven, news_index):
    for day in range(1, NEWS_OF_PARTNER + 2):
        news_about(leuven, news_index, f"News of day {day:02}", datetime.date(2016, 1, day))

    html = client.get(leuven.url).content.decode()

    assert "News of day 01" not in html
    assert f"News of day {NEWS_OF_PARTNER + 1:02}" in html


def test_news_item_names_its_partners(client, leuven, news_index):
    news = news_about(leuven, news_index, "Seminar in Leuven")

    html = client.get(news.url).content.decode()

    assert f'href="{leuven.url}"' in html
    assert "City of Leuven" in html


def test_french_partner_page_lists_the_french_news(
    client, home, partners, news_index, leuven, translate, french
):
    news = news_about(leuven, news_index, "Seminar in Leuven")
    translate(home)
    translate(partners, {"Partners": "Partenaires", "partners": "partenaires"})
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    translate(leuven, {"City of Leuven": "Ville de Louvain"})
    translate(news, {"Seminar in Leuven": "Séminaire à Louvain"})
    french_leuven, french_news = leuven.get_translation(french), news.get_translation(french)

    partner_html = client.get(french_leuven.url).content.decode()
    news_html = client.get(french_news.url).content.decode()

    assert f'href="{french_news.url}"' in partner_html
    assert f'href="{news.url}"' not in partner_html
    assert f'href="{french_leuven.url}"' in news_html
