"""The page cache for anonymous visitors (pagecache/): hits, who bypasses it, its headers, its
invalidation on publication and on comment moderation, and the comment form on a cached page
(discussion/visitor_views.py)."""

import datetime
import re
import time
from unittest import mock

import pytest
import time_machine
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from discussion import moderation
from discussion.forms import TIMESTAMP_SALT
from discussion.models import CommentSettings, CommentStatus, VisitorComment
from discussion.pages import AUTHOR_COOKIE
from news.models import NewsPage
from pagecache import cache
from pagecache.backends import cache_failed
from pagecache.versions import section_of, section_part, version_key
from tests.comments import comment_post_url
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StandardPageFactory,
    UserFactory,
    VisitorCommentFactory,
    add_topics,
)

pytestmark = pytest.mark.django_db

FORM_TIME = re.compile(r'name="form_time" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Seminar in Bordeaux")


def visitor():
    """A new anonymous visitor, with no cookie."""
    return Client()


def form_time_in(response):
    return FORM_TIME.search(response.content.decode())[1]


def comment_fields(response, **fields):
    """The comment form as a person fills it in, from the page they were given."""
    return {
        "name": "Ana Lopes",
        "email": "ana@example.net",
        "website": "",
        "text": "Very useful seminar, thank you.",
        "form_time": form_time_in(response),
        "homepage": "",
        **fields,
    }


# -- Hits -------------------------------------------------------------------------------------


def test_anonymous_visitors_get_the_page_from_the_cache_without_a_query(
    news, django_assert_num_queries
):
    first = visitor().get(news.url)
    with django_assert_num_queries(0):
        second = visitor().get(news.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200
    assert "Seminar in Bordeaux" in second.content.decode()
    for response in (first, second):
        assert set(response["Cache-Control"].split(", ")) == {
            "public",
            "max-age=0",
            "s-maxage=600",
        }
        assert "Cookie" in response["Vary"]
        assert "Content-Security-Policy" in response
        assert response["Content-Length"] == str(len(response.content))
        assert not response.cookies


def test_cached_copy_is_per_language_and_address_without_tracking_parameters(home, news):
    visitor().get(news.url)

    assert visitor().get(news.url, {"utm_source": "newsletter"})["X-Page-Cache"] == "hit"
    assert visitor().get("/en/")["X-Page-Cache"] == "miss"
    assert visitor().get("/fr/")["X-Page-Cache"] == "miss"


# -- Only the addresses the site links to are stored ------------------------------------------


def cache_status(url, query=None):
    """How the page cache dealt with a second visit of this address: hit, miss (stored now) or
    none (rendered, not stored)."""
    visitor().get(url, query)
    response = visitor().get(url, query)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache", "none")


def test_a_parameter_the_page_does_not_read_is_not_stored(home):
    assert cache_status("/en/", {"ref": "1"}) == "none"
    assert cache_status("/en/", {"page": "2"}) == "none"


def test_news_tag_and_page_number_are_stored_only_when_they_exist(news_index, news):
    add_topics(news, "seminar")
    news.save_revision().publish()

    assert cache_status(news_index.url, {"tag": "seminar"}) == "hit"
    assert cache_status(news_index.url, {"page": "1"}) == "hit"
    assert cache_status(news_index.url, {"tag": "no-such-tag"}) == "none"
    past_the_end = visitor().get(news_index.url, {"page": "999"})
    assert past_the_end.status_code == 404
    assert "X-Page-Cache" not in past_the_end
    assert cache_status(news_index.url, {"page": "01"}) == "none"
    assert cache_status(f"{news_index.url}?page=1&page=1") == "none"


def test_directory_filters_are_stored_only_with_values_it_offers(home):
    directory = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=directory, kind="city", country="FR")

    assert cache_status(directory.url, {"kind": "city", "country": "FR", "status": ""}) == "hit"
    assert cache_status(directory.url, {"kind": "town"}) == "none"
    assert cache_status(directory.url, {"country": "XX"}) == "none"


def test_sitemap_files_are_stored_by_their_number_as_the_index_writes_it(home):
    assert cache_status("/sitemap-pages.xml", {"p": "1"}) == "hit"
    assert cache_status("/sitemap-pages.xml", {"p": "01"}) == "none"


def test_a_reply_link_is_stored_only_for_a_comment_shown(news):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    assert cache_status(news.url, {"replyto": str(comment.pk)}) == "hit"
    assert cache_status(news.url, {"replyto": str(comment.pk + 1)}) == "none"


def test_not_found_and_search_are_not_cached(home):
    assert "X-Page-Cache" not in visitor().get("/en/no-such-page/")
    visitor().get("/en/search/", {"q": "seminar"})

    search = visitor().get("/en/search/", {"q": "seminar"})

    assert "X-Page-Cache" not in search
    assert "no-cache" in search["Cache-Control"]


# -- Personal pages bypass it -----------------------------------------------------------------


def test_visitor_with_a_pending_comment_sees_it_while_others_get_the_cached_page(news):
    author = visitor()
    page = author.get(news.url)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=20)):
        posted = author.post(
            comment_post_url(news), comment_fields(page), REMOTE_ADDR="198.51.100.7"
        )
    assert posted.status_code == 302

    own_view = author.get(news.url)
    other_view = visitor().get(news.url)

    assert own_view["X-Page-Cache"] == "bypass"
    assert set(own_view["Cache-Control"].split(", ")) == {"no-store", "private"}
    assert "awaiting moderation" in own_view.content.decode()
    assert other_view["X-Page-Cache"] == "hit"
    assert "Very useful seminar" not in other_view.content.decode()


def test_remember_me_cookie_bypasses_the_cache(news):
    visitor().get(news.url)
    remembered = visitor()
    remembered.cookies[AUTHOR_COOKIE] = "signed value"

    assert remembered.get(news.url)["X-Page-Cache"] == "bypass"


def test_logged_in_users_bypass_the_cache(client, news):
    visitor().get(news.url)
    client.force_login(UserFactory(is_superuser=True))

    response = client.get(news.url)

    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]


# -- Invalidation -----------------------------------------------------------------------------


def test_publishing_a_page_refreshes_every_cached_page(
    home, news_index, news, django_capture_on_commit_callbacks
):
    visitor().get(news_index.url)
    visitor().get(news.url)

    with django_capture_on_commit_callbacks(execute=True):
        news.title = "Seminar in Bordeaux: the programme"
        news.save_revision().publish()
        NewsPageFactory(parent=news_index, title="Registrations are open")

    assert "the programme" in visitor().get(news.url).content.decode()
    assert "Registrations are open" in visitor().get(news_index.url).content.decode()


def test_a_section_renewed_by_another_process_refreshes_its_pages_at_the_next_visit(news):
    visitor().get(news.url)
    assert visitor().get(news.url)["X-Page-Cache"] == "hit"

    # As another process's publication writes it: the section's version, then a new epoch.
    store = cache.generation_store()
    store.set(version_key(section_part(section_of(NewsPage))), time.time_ns(), timeout=None)
    store.set(cache.EPOCH_KEY, time.time_ns(), timeout=None)

    assert visitor().get(news.url)["X-Page-Cache"] == "miss"


def test_a_deployment_refreshes_every_cached_page(news):
    """A deployment runs `migrate` (docs/operations.md, "Upgrading"): pages stored before it were
    rendered by the old templates."""
    visitor().get(news.url)
    assert visitor().get(news.url)["X-Page-Cache"] == "hit"

    call_command("migrate", verbosity=0)

    assert visitor().get(news.url)["X-Page-Cache"] == "miss"


def test_unpublishing_and_moving_a_page_refresh_the_cache(
    home, news, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    visitor().get("/en/")
    visitor().get(news.url)

    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()
    assert visitor().get(news.url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        about.move(StandardPageFactory(parent=home, slug="project"), pos="last-child")
    assert 'href="/en/about/"' not in visitor().get("/en/").content.decode()


def test_a_draft_leaves_the_cached_page_as_it_is(news, django_capture_on_commit_callbacks):
    visitor().get(news.url)

    with django_capture_on_commit_callbacks(execute=True):
        news.title = "Not yet"
        news.save_revision()

    assert visitor().get(news.url)["X-Page-Cache"] == "hit"


def test_approving_a_comment_shows_it_on_the_cached_page(news, django_capture_on_commit_callbacks):
    pending = VisitorCommentFactory(
        page=news, text="Will the slides be shared?", status=CommentStatus.PENDING
    )
    assert "Will the slides" not in visitor().get(news.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.moderate([pending], CommentStatus.APPROVED, UserFactory())

    response = visitor().get(news.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Will the slides be shared?" in response.content.decode()


def test_approving_a_comment_refreshes_its_page_only(
    home, news, django_capture_on_commit_callbacks
):
    other_news = NewsPageFactory(parent=news.get_parent(), title="Seminar in Leuven")
    pending = VisitorCommentFactory(page=news, text="Slides?", status=CommentStatus.PENDING)
    for page in (home, news, other_news):
        visitor().get(page.url)

    with django_capture_on_commit_callbacks(execute=True):
        moderation.moderate([pending], CommentStatus.APPROVED, UserFactory())

    # The rest of the site stays in the cache: a moderation every few seconds empties nothing.
    assert visitor().get(home.url)["X-Page-Cache"] == "hit"
    assert visitor().get(other_news.url)["X-Page-Cache"] == "hit"
    refreshed = visitor().get(news.url)
    assert refreshed["X-Page-Cache"] == "miss"
    assert "Slides?" in refreshed.content.decode()
    assert visitor().get(news.url)["X-Page-Cache"] == "hit"


def test_a_moderation_the_cache_could_not_take_is_seen_once_it_answers(
    news, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS = 0
    monkeypatch.setattr(cache, "cache_failed_at", None)  # as it was, after the test
    pending = VisitorCommentFactory(page=news, text="Slides?", status=CommentStatus.PENDING)
    visitor().get(news.url)

    def failing_set(*args, **kwargs):  # the cache refuses every write, as a full Redis does
        cache_failed.send(sender=None, location="test")

    with (
        mock.patch.object(cache.generation_store(), "set", failing_set),
        django_capture_on_commit_callbacks(execute=True),
    ):
        moderation.moderate([pending], CommentStatus.APPROVED, UserFactory())

    # Neither the comments' new version nor a new generation was taken; the database kept
    # the invalidation, which the next request applies.
    assert "Slides?" in visitor().get(news.url).content.decode()


def test_auto_approved_comment_refreshes_the_cached_page(news, django_capture_on_commit_callbacks):
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(
        page=news,
        author_email="ana@example.net",
        created_at=timezone.now() - datetime.timedelta(hours=1),
    )
    author = visitor()
    page = author.get(news.url)

    with (
        time_machine.travel(timezone.now() + datetime.timedelta(seconds=20)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        author.post(comment_post_url(news), comment_fields(page, text="Thanks again."))

    assert VisitorComment.objects.get(text="Thanks again.").status == CommentStatus.APPROVED
    assert "Thanks again." in visitor().get(news.url).content.decode()


# -- The comment form on a cached page --------------------------------------------------------


def test_comment_form_works_from_a_cached_page_without_a_csrf_token(news):
    visitor().get(news.url)
    person = Client(enforce_csrf_checks=True)
    page = person.get(news.url)
    assert page["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in page.content.decode()

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=20)):
        response = person.post(
            comment_post_url(news),
            comment_fields(page),
            headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
        )

    comment = VisitorComment.objects.get()
    assert response.status_code == 302
    assert comment.status == CommentStatus.PENDING, comment.hold_reason
    assert "awaiting moderation" in person.get(news.url).content.decode()


def test_cached_page_gives_a_form_time_of_the_moment_it_is_served(news):
    stored = form_time_in(visitor().get(news.url))

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=20)):
        served = visitor().get(news.url)
        stamp = signing.loads(form_time_in(served), salt=TIMESTAMP_SALT)

    assert served["X-Page-Cache"] == "hit"
    assert form_time_in(served) != stored
    assert stamp["page"] == news.pk
    assert abs(stamp["time"] - (timezone.now() + datetime.timedelta(minutes=20)).timestamp()) < 5


def test_comment_posted_from_another_site_is_refused(news):
    page = visitor().get(news.url)
    person = Client(enforce_csrf_checks=True)

    for headers in [{"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}]:
        response = person.post(comment_post_url(news), comment_fields(page), headers=headers)
        assert response.status_code == 403, headers

    assert not VisitorComment.objects.exists()


def test_other_forms_keep_their_csrf_protection(home, news):
    page = visitor().get(news.url)
    person = Client(enforce_csrf_checks=True)

    # The comment form's fields posted to a page that takes no comments…
    assert person.post("/en/", comment_fields(page)).status_code == 403
    # …and a form with no signed form time, without a token.
    assert person.post(news.url, {"name": "Ana"}).status_code == 403
    assert person.post("/en/comments/unsubscribe/token/").status_code == 403


# -- A failing store --------------------------------------------------------------------------


def test_pages_are_served_when_the_file_cache_cannot_be_used(settings, monkeypatch, tmp_path, news):
    monkeypatch.setattr(cache, "cache_failed_at", None)  # as it was, after the test
    unusable = tmp_path / "a-file-not-a-directory"
    unusable.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "pagecache.backends.FailSoftFileCache", "LOCATION": str(unusable)},
        "page_generation": {
            "BACKEND": "pagecache.backends.FailSoftFileCache",
            "LOCATION": str(unusable / "generation"),
        },
    }

    for _ in range(2):
        response = visitor().get(news.url)
        assert response.status_code == 200
        assert "Seminar in Bordeaux" in response.content.decode()
        assert "X-Page-Cache" not in response
    health = visitor().get("/healthz")

    assert health.status_code == 200
    assert health.content.decode() == "ok; cache degraded: pages, page_generation"
