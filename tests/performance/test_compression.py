"""Public pages go out compressed (Brotli, else gzip) to browsers that accept it, from the page
cache too; pages holding a visitor's secret never do (BREACH)."""

import datetime
import gzip

import brotli
import pytest
import time_machine
from django.core import signing
from django.test import Client

from discussion.forms import TIMESTAMP_SALT
from discussion.pages import AUTHOR_COOKIE
from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home, settings):
    settings.PAGE_CACHE_ENABLED = True
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")


def get(url, encoding, client=None):
    return (client or Client()).get(url, headers={"accept-encoding": encoding})


def decoded(response):
    decompress = {"br": brotli.decompress, "gzip": gzip.decompress}
    encoding = response.get("Content-Encoding")
    return (decompress[encoding](response.content) if encoding else response.content).decode()


@pytest.mark.parametrize(
    ("accepted", "sent"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip, deflate", "gzip"),
        ("identity", None),
        ("br;q=0, gzip", "gzip"),
    ],
)
def test_pages_are_compressed_as_the_browser_accepts_from_the_cache_too(news, accepted, sent):
    miss, hit = get(news.url, accepted), get(news.url, accepted)

    for response in (miss, hit):
        assert response.get("Content-Encoding") == sent
        assert "Accept-Encoding" in response["Vary"]
        assert "Seminar in Leuven" in decoded(response)
        assert int(response["Content-Length"]) == len(response.content)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")


def test_hits_within_one_second_each_get_the_encoding_they_accept(news):
    with time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC), tick=False):
        get(news.url, "br")  # stored
        hits = [get(news.url, accepted) for accepted in ("br", "identity", "gzip", "br", "")]

    assert [hit.get("Content-Encoding") for hit in hits] == ["br", None, "gzip", "br", None]
    assert len({decoded(hit) for hit in hits}) == 1
    for hit in hits:
        assert hit["X-Page-Cache"] == "hit"
        assert int(hit["Content-Length"]) == len(hit.content)


def form_time(page):
    stamp = page.split('name="form_time" value="', 1)[1].split('"', 1)[0]
    return signing.loads(stamp, salt=TIMESTAMP_SALT)["time"]


def test_a_cached_comment_form_is_stamped_anew_then_compressed(news):
    with time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC), tick=False):
        get(news.url, "br")
        within_the_second = decoded(get(news.url, "br"))
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 9, 0, 5, tzinfo=datetime.UTC), tick=False
    ):
        five_seconds_later = decoded(get(news.url, "br"))

    assert five_seconds_later != within_the_second
    assert form_time(five_seconds_later) - form_time(within_the_second) == 5


def test_pages_with_a_visitors_secret_are_not_compressed(news, admin_client):
    remembered = Client()
    remembered.cookies[AUTHOR_COOKIE] = "signed value"  # the form shows their e-mail address

    assert "Content-Encoding" not in get(news.url, "br", client=remembered)
    assert "Content-Encoding" not in get("/admin/", "br", client=admin_client)
    assert "Content-Encoding" not in get("/admin/login/", "br")
