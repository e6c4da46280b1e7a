"""Routing (home/routing.py): a page found for its address is kept until its section changes;
renaming, unpublishing or translating it shows at the next visit."""

import pytest
from wagtail.models import Locale

from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's changes as the admin does (the cache is told once it commits)."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Seminar in Leuven", slug="leuven")


def test_a_renamed_page_is_at_its_new_address_and_the_old_one_leads_there(client, news, publish):
    old_address = news.url
    assert client.get(old_address).status_code == 200

    news.slug, news.title = "leuven-2016", "Seminar in Leuven, 2016"
    publish(news)
    news.refresh_from_db()

    moved = client.get(old_address)
    assert (moved.status_code, moved["Location"]) == (301, news.url)
    assert "Seminar in Leuven, 2016" in client.get(news.url).content.decode()


def test_an_unpublished_page_is_not_found_at_the_next_visit(
    client, news, django_capture_on_commit_callbacks
):
    assert client.get(news.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()

    assert client.get(news.url).status_code == 404


def test_a_translation_published_after_a_visit_is_offered_by_the_language_switcher(
    client, home, news_index, news, publish
):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    for page in (home, news_index):
        publish(page.copy_for_translation(french))
    before = client.get(news.url).content.decode()

    translation = news.copy_for_translation(french)
    translation.title = "Séminaire à Louvain"
    publish(translation)
    after = client.get(news.url).content.decode()

    assert f'href="{translation.url}"' not in before
    assert f'href="{translation.url}"' in after
    assert "Séminaire à Louvain" in client.get(translation.url).content.decode()


def test_each_visit_gets_a_page_of_its_own(client, news, rf):
    """What one request sets on its page (its translations, its context) never reaches the
    next request's page."""
    assert client.get(news.url).status_code == 200
    request = rf.get(news.url)
    first = news_index_route(news, request)
    first.title = "Changed by one request"
    second = news_index_route(news, request)

    assert second.title == "Seminar in Leuven"
    assert second is not first


def news_index_route(news, request):
    index = news.get_parent()
    page, _args, _kwargs = index.get_parent().specific.route(request, [index.slug, news.slug])
    return page
