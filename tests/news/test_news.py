import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from news.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, NewsIndexPageFactory, add_topics
from tests.factories import NewsPageFactory as News
from tests.performance.test_query_counts import CEILINGS

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def tagged_news(parent, title, date, *tags):
    news = News(parent=parent, title=title, date=date)
    add_topics(news, *tags)
    news.save()
    return news


def test_index_lists_newest_news_first(client, news_index):
    News(parent=news_index, title="Older", date=datetime.date(2016, 1, 11))
    News(parent=news_index, title="Newer", date=datetime.date(2016, 4, 14))

    response = client.get(news_index.url)

    assert [n.title for n in response.context["news_page"]] == ["Newer", "Older"]


def test_index_is_paginated(client, news_index, settings):
    settings.NEWS_PAGE_SIZE = 2
    for day in range(1, 6):
        News(parent=news_index, date=datetime.date(2016, 1, day))

    first = client.get(news_index.url).context["news_page"]
    last = client.get(news_index.url, {"page": 3}).context["news_page"]
    beyond = client.get(news_index.url, {"page": 4})

    assert len(first) == 2
    assert first.paginator.num_pages == 3
    assert len(last) == 1
    assert beyond.status_code == 404


def test_index_filters_by_tag(client, news_index):
    tagged_news(news_index, "Bordeaux seminar", datetime.date(2016, 4, 14), "seminar")
    tagged_news(news_index, "Training", datetime.date(2016, 2, 1), "training")

    response = client.get(news_index.url, {"tag": "seminar"})

    html = response.content.decode()
    assert [n.title for n in response.context["news_page"]] == ["Bordeaux seminar"]
    assert f'href="{news_index.url}?tag=training#news-list"' in html
    assert 'data-result-announcement="1 news item listed" data-list="news-list"' in html
    assert [t.name for t in response.context["tags"]] == ["seminar", "training"]


def test_unknown_tag_gives_an_empty_list_with_a_message(client, news_index):
    tagged_news(news_index, "Bordeaux seminar", datetime.date(2016, 4, 14), "seminar")

    response = client.get(news_index.url, {"tag": "nothing-like-this"})

    assert response.status_code == 200
    assert list(response.context["news_page"]) == []
    assert "nothing-like-this" in response.content.decode()


def test_news_page_shows_date_image_body_and_tags(client, news_index):
    news = tagged_news(news_index, "Seminar in Leuven", datetime.date(2016, 8, 30), "evaluation")
    news.image = ImageFactory(description="Leuven town hall")
    news.body = [("paragraph", "<p>Assessing the impact of prevention.</p>")]
    news.save()

    html = client.get(news.url).content.decode()

    for expected in [
        "Seminar in Leuven",
        'datetime="2016-08-30"',
        'alt="Leuven town hall"',
        "Assessing the impact of prevention.",
        "?tag=evaluation",
    ]:
        assert expected in html


def test_news_index_query_count_does_not_grow_with_news(
    client, news_index, django_assert_max_num_queries
):
    for day in range(1, 9):
        news = tagged_news(news_index, f"News {day}", datetime.date(2016, 1, day), f"tag{day}")
        news.image = ImageFactory()
        news.save()

    client.get(news_index.url)  # the first visit creates the image renditions
    with django_assert_max_num_queries(CEILINGS["news index"]):
        client.get(news_index.url)


class TestNewsTreeRules(WagtailPageTestCase):
    def test_news_live_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})

    def test_news_index_takes_only_news(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})


def test_a_news_card_without_a_picture_shows_its_date_in_large_type(client, news_index):
    News(parent=news_index, title="No picture", image=None, date=datetime.date(2017, 3, 6))

    html = client.get(news_index.url).content.decode()

    assert (
        '<div class="card__typographic" aria-hidden="true">'
        '<span class="card__typographic-day">6 March</span> '
        '<span class="card__typographic-year">2017</span></div>'
    ) in html
