import datetime

import feedparser
import pytest

from news.feeds import FEED_LENGTH
from tests.factories import NewsIndexPageFactory, add_topics
from tests.factories import NewsPageFactory as News

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def fetch_feed(client, url, content_type):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_feed_lists_the_live_news_newest_first(client, news_index):
    older = News(parent=news_index, title="Older", date=datetime.date(2016, 1, 11))
    newer = News(parent=news_index, title="Newer", date=datetime.date(2016, 4, 14))
    add_topics(newer, "seminar")
    newer.save()
    News(parent=news_index, title="Draft", live=False)

    feed = fetch_feed(client, "/en/news/feed/", "application/rss+xml")

    assert feed.version == "rss20"
    assert feed.feed.title == "News · LIAISE 2"
    assert feed.feed.link == news_index.full_url
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == ["Newer", "Older"]
    first = feed.entries[0]
    assert first.link == newer.full_url
    assert first.summary == newer.intro
    assert first.published.startswith("Thu, 14 Apr 2016 00:00:00")
    assert [tag.term for tag in first.tags] == ["seminar"]
    assert feed.entries[1].link == older.full_url


def test_atom_feed_lists_the_same_news(client, news_index):
    news = News(parent=news_index, title="Seminar in Leuven", date=datetime.date(2016, 8, 30))

    feed = fetch_feed(client, "/en/news/feed/atom/", "application/atom+xml")

    assert feed.version == "atom10"
    assert feed.feed.id == news_index.full_url
    assert {"rel": "self", "href": "https://liaise.example.org/en/news/feed/atom/"} in [
        {"rel": link.rel, "href": link.href} for link in feed.feed.links
    ]
    assert [entry.title for entry in feed.entries] == ["Seminar in Leuven"]
    entry = feed.entries[0]
    assert entry.link == entry.id == news.full_url
    assert entry.summary == news.intro
    assert entry.updated.startswith("2016-08-30T00:00:00")


def test_feed_is_limited_to_the_newest_twenty(client, news_index):
    first_day = datetime.date(2016, 1, 1)
    for day in range(FEED_LENGTH + 2):
        News(parent=news_index, title=f"Day {day}", date=first_day + datetime.timedelta(day))

    feed = fetch_feed(client, "/en/news/feed/", "application/rss+xml")

    assert len(feed.entries) == FEED_LENGTH == 20
    assert feed.entries[0].title == f"Day {FEED_LENGTH + 1}"


def test_french_feed_lists_only_the_news_live_in_french(client, home, news_index, translate):
    translated = News(parent=news_index, title="Seminar in Bordeaux")
    News(parent=news_index, title="Only in English")
    translate(home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    translate(translated, {"Seminar in Bordeaux": "Séminaire à Bordeaux"})

    rss = fetch_feed(client, "/fr/actualites/feed/", "application/rss+xml")
    atom = fetch_feed(client, "/fr/actualites/feed/atom/", "application/atom+xml")
    english = fetch_feed(client, "/en/news/feed/", "application/rss+xml")

    assert rss.feed.title == "Actualités · LIAISE 2"
    assert rss.feed.language == "fr"
    assert [entry.title for entry in rss.entries] == ["Séminaire à Bordeaux"]
    assert rss.entries[0].link.startswith("https://liaise.example.org/fr/actualites/")
    assert [entry.title for entry in atom.entries] == ["Séminaire à Bordeaux"]
    assert sorted(entry.title for entry in english.entries) == [
        "Only in English",
        "Seminar in Bordeaux",
    ]


def test_pages_link_to_the_feeds_of_their_language(client, home, news_index, translate):
    translate(home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})

    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="News · LIAISE 2 (RSS)" '
        'href="https://liaise.example.org/en/news/feed/">' in english
    )
    assert 'type="application/atom+xml" title="News · LIAISE 2 (Atom)" ' in english
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Actualités · LIAISE 2 (RSS)" '
        'href="https://liaise.example.org/fr/actualites/feed/">' in french
    )


def test_news_index_shows_links_to_its_feeds(client, news_index):
    html = client.get("/en/news/").content.decode()

    assert 'href="/en/news/feed/" type="application/rss+xml">RSS feed</a>' in html
    assert 'href="/en/news/feed/atom/" type="application/atom+xml">Atom feed</a>' in html
