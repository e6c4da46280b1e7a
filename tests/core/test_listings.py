"""Listings whose order is kept until the next change of content (core/listings.py): the
partner directory, the news index, the seminar index and the home page's seminars follow
publishing and unpublishing at once, and seminars move from upcoming to past at midnight with
no change of content."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import (
    EventIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    add_topics,
)

pytestmark = pytest.mark.django_db

# Noon in the site's time zone (TIME_ZONE), on the day a seminar ends.
SEMINAR_DAY = datetime.datetime(2030, 6, 14, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def publish(page):
    """Publish a draft as an editor does."""
    page.save_revision().publish()
    return page


def titles(listing_page):
    return [page.title for page in listing_page]


# -- Partner directory ------------------------------------------------------------------------


@pytest.fixture
def directory(home):
    index = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=index, title="Bordeaux")
    PartnerPageFactory(parent=index, title="Rotterdam", country="NL")
    return index


def test_partner_published_after_a_visit_is_listed_on_the_next_visit(client, directory):
    draft = PartnerPageFactory(parent=directory, title="Leuven", country="BE", live=False)
    before = client.get(directory.url).context["partner_page"]

    publish(draft)
    after = client.get(directory.url).context["partner_page"]

    assert titles(before) == ["Bordeaux", "Rotterdam"]
    assert titles(after) == ["Bordeaux", "Leuven", "Rotterdam"]
    assert (before.paginator.count, after.paginator.count) == (2, 3)


def test_unpublished_partner_leaves_the_directory_and_its_count(client, directory):
    rotterdam = directory.get_children().get(title="Rotterdam").specific
    client.get(directory.url)

    rotterdam.unpublish()
    after = client.get(directory.url).context["partner_page"]

    assert titles(after) == ["Bordeaux"]
    assert after.paginator.count == 1


def test_filtered_directory_follows_publishing_too(client, directory):
    draft = PartnerPageFactory(parent=directory, title="Amsterdam", country="NL", live=False)
    assert titles(client.get(directory.url, {"country": "NL"}).context["partner_page"]) == [
        "Rotterdam"
    ]

    publish(draft)
    after = client.get(directory.url, {"country": "NL"}).context["partner_page"]

    assert titles(after) == ["Amsterdam", "Rotterdam"]
    assert after.paginator.count == 2


def test_directory_pages_follow_a_publication_that_shifts_them(client, directory, settings):
    settings.PARTNERS_PAGE_SIZE = 1
    draft = PartnerPageFactory(parent=directory, title="Amsterdam", country="NL", live=False)
    assert titles(client.get(directory.url, {"page": 2}).context["partner_page"]) == ["Rotterdam"]

    publish(draft)

    assert [
        titles(client.get(directory.url, {"page": number}).context["partner_page"])
        for number in (1, 2, 3)
    ] == [["Amsterdam"], ["Bordeaux"], ["Rotterdam"]]


# -- News index -------------------------------------------------------------------------------


@pytest.fixture
def news_index(home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Older", date=datetime.date(2016, 1, 11))
    return index


def tagged(news, *tags):
    add_topics(news, *tags)
    news.save()
    return news


def test_news_published_after_a_visit_is_listed_first_on_the_next_visit(client, news_index):
    draft = NewsPageFactory(
        parent=news_index, title="Newer", date=datetime.date(2016, 4, 14), live=False
    )
    before = client.get(news_index.url).context["news_page"]

    publish(draft)
    after = client.get(news_index.url).context["news_page"]

    assert titles(before) == ["Older"]
    assert titles(after) == ["Newer", "Older"]
    assert (before.paginator.count, after.paginator.count) == (1, 2)


def test_unpublished_news_leaves_the_index_and_its_tag(client, news_index):
    news = tagged(
        NewsPageFactory(parent=news_index, title="Seminar news", date=datetime.date(2016, 3, 1)),
        "seminar",
    )
    assert titles(client.get(news_index.url, {"tag": "seminar"}).context["news_page"]) == [
        "Seminar news"
    ]
    client.get(news_index.url)

    news.unpublish()
    everything = client.get(news_index.url).context["news_page"]
    by_tag = client.get(news_index.url, {"tag": "seminar"}).context["news_page"]

    assert titles(everything) == ["Older"]
    assert everything.paginator.count == 1
    assert titles(by_tag) == []


def test_news_with_a_tag_published_after_a_visit_is_listed_under_the_tag(client, news_index):
    tagged(NewsPageFactory(parent=news_index, title="First seminar"), "seminar")
    draft = tagged(NewsPageFactory(parent=news_index, title="Second seminar", live=False), "x")
    client.get(news_index.url, {"tag": "seminar"})

    draft.topic_links = []
    add_topics(draft, "seminar")
    publish(draft)
    by_tag = client.get(news_index.url, {"tag": "seminar"}).context["news_page"]

    assert sorted(titles(by_tag)) == ["First seminar", "Second seminar"]
    assert by_tag.paginator.count == 2


@pytest.mark.parametrize("first", ["unknown tag", "no tag"])
def test_unknown_tag_and_no_tag_have_listings_of_their_own(client, news_index, first):
    """An unknown tag lists nothing, however the index was visited before within the same
    generation of the cache; the index without a tag lists every news item."""
    requests = {"unknown tag": {"tag": "no-such-tag"}, "no tag": {}}
    second = "no tag" if first == "unknown tag" else "unknown tag"
    pages = {}
    for name in (first, second):
        pages[name] = client.get(news_index.url, requests[name]).context["news_page"]

    assert titles(pages["no tag"]) == ["Older"]
    assert titles(pages["unknown tag"]) == []
    assert pages["unknown tag"].paginator.count == 0


# -- Seminars ---------------------------------------------------------------------------------


@pytest.fixture
def seminar_index(home):
    return EventIndexPageFactory(parent=home)


def test_seminar_published_after_a_visit_is_listed_on_the_index_and_home_page(
    client, home, seminar_index
):
    SeminarPageFactory(parent=seminar_index, title="Leuven", start_date=datetime.date(2016, 5, 1))
    draft = SeminarPageFactory(
        parent=seminar_index, title="Bordeaux", start_date=datetime.date(2016, 9, 1), live=False
    )
    before = client.get(seminar_index.url).context
    assert client.get(home.url).context["latest_seminar"].title == "Leuven"

    publish(draft)
    after = client.get(seminar_index.url).context

    assert titles(before["past_events"]) == ["Leuven"]
    assert titles(after["past_events"]) == ["Bordeaux", "Leuven"]
    assert after["events_page"].paginator.count == 2
    assert client.get(home.url).context["latest_seminar"].title == "Bordeaux"


def test_unpublished_seminar_leaves_the_index_and_home_page(client, home, seminar_index):
    SeminarPageFactory(parent=seminar_index, title="Leuven", start_date=datetime.date(2016, 5, 1))
    bordeaux = SeminarPageFactory(
        parent=seminar_index, title="Bordeaux", start_date=datetime.date(2016, 9, 1)
    )
    client.get(seminar_index.url)
    assert client.get(home.url).context["latest_seminar"] == bordeaux

    bordeaux.unpublish()
    after = client.get(seminar_index.url).context

    assert titles(after["past_events"]) == ["Leuven"]
    assert after["events_page"].paginator.count == 1
    assert client.get(home.url).context["latest_seminar"].title == "Leuven"


def test_seminar_ending_today_is_upcoming_today_and_past_tomorrow_on_the_index(
    client, seminar_index, settings
):
    # One seminar a page: the order, not only each seminar's date, decides what page 1 shows.
    settings.EVENTS_PAGE_SIZE = 1
    with time_machine.travel(SEMINAR_DAY) as traveller:
        SeminarPageFactory(parent=seminar_index, title="Ends today", start_date=SEMINAR_DAY.date())
        SeminarPageFactory(
            parent=seminar_index,
            title="Next month",
            start_date=SEMINAR_DAY.date() + datetime.timedelta(days=30),
        )
        today = [client.get(seminar_index.url, {"page": n}).context for n in (1, 2)]

        traveller.shift(datetime.timedelta(days=1))
        tomorrow = [client.get(seminar_index.url, {"page": n}).context for n in (1, 2)]

    assert [titles(page["upcoming_events"]) for page in today] == [["Ends today"], ["Next month"]]
    assert [titles(page["past_events"]) for page in tomorrow] == [[], ["Ends today"]]
    assert [titles(page["upcoming_events"]) for page in tomorrow] == [["Next month"], []]


def test_seminar_ending_today_is_upcoming_today_and_latest_tomorrow_on_the_home_page(
    client, home, seminar_index
):
    with time_machine.travel(SEMINAR_DAY) as traveller:
        SeminarPageFactory(
            parent=seminar_index,
            title="Ends today",
            start_date=SEMINAR_DAY.date() - datetime.timedelta(days=1),
            end_date=SEMINAR_DAY.date(),
        )
        SeminarPageFactory(
            parent=seminar_index,
            title="Last year",
            start_date=SEMINAR_DAY.date() - datetime.timedelta(days=365),
        )
        today = client.get(home.url).context

        traveller.shift(datetime.timedelta(days=1))
        tomorrow = client.get(home.url).context

    assert titles(today["upcoming_seminars"]) == ["Ends today"]
    assert today["latest_seminar"] is None
    assert titles(tomorrow["upcoming_seminars"]) == []
    assert tomorrow["latest_seminar"].title == "Ends today"


# -- Pages of a listing that do not exist -----------------------------------------------------


@pytest.fixture
def listings(directory, news_index, seminar_index, settings):
    """Each listing with two pages of one item."""
    settings.PARTNERS_PAGE_SIZE = settings.NEWS_PAGE_SIZE = settings.EVENTS_PAGE_SIZE = 1
    NewsPageFactory(parent=news_index, title="Newer", date=datetime.date(2016, 4, 14))
    SeminarPageFactory(parent=seminar_index, title="Leuven")
    SeminarPageFactory(parent=seminar_index, title="Bordeaux")
    return [directory, news_index, seminar_index]


@pytest.mark.parametrize("number", ["3", "0", "-1", "nonsense", "1.5"])
def test_page_past_the_end_or_not_a_number_is_not_found(client, listings, number):
    assert [client.get(index.url, {"page": number}).status_code for index in listings] == [
        404,
        404,
        404,
    ]


@pytest.mark.parametrize("number", ["", "1", "2"])
def test_pages_of_the_listing_are_found(client, listings, number):
    assert [client.get(index.url, {"page": number}).status_code for index in listings] == [
        200,
        200,
        200,
    ]
