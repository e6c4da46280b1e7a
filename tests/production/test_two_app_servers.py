"""Two app servers (gunicorn, the production settings) on one PostgreSQL and one Redis, as
docs/operations.md, "Beyond one machine", runs them: what changes through one is seen at once on
the other through the shared page cache, and the comment rate limit counts across both."""

import datetime
import os
import re
import time
from contextlib import ExitStack

import pytest
import requests
from django.conf import settings
from django.core import signing
from django.utils import timezone

from bench.load import gunicorn
from discussion.forms import TIMESTAMP_SALT
from discussion.models import CommentSettings, CommentStatus, VisitorComment
from tests.comments import comment_post_url
from tests.factories import NewsIndexPageFactory, NewsPageFactory, VisitorCommentFactory
from tests.postgres_cluster import pick_free_port
from tests.production.test_production_settings import PRODUCTION_ENVIRONMENT, SWITCHES
from tests.redis_server import redis_caches

HOST = "127.0.0.1"
AUTHOR = {"name": "Ana Lopes", "email": "ana@example.net", "website": "", "homepage": ""}


def app_server_environment(redis_url):
    database = settings.DATABASES["default"]  # the test database, as pytest-django made it
    inherited = {name: value for name, value in os.environ.items() if name not in SWITCHES}
    return inherited | {
        **PRODUCTION_ENVIRONMENT,
        "DJANGO_SETTINGS_MODULE": "tests.production.app_server_settings",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "REDIS_URL": redis_url,
    }


@pytest.fixture
def app_servers(settings, redis_server, tmp_path):
    """The addresses of two gunicorn servers; this process's caches in their Redis too, so
    that what it changes invalidates their pages."""
    settings.CACHES = redis_caches(redis_server.url)
    environment = app_server_environment(redis_server.url)
    with ExitStack() as servers:
        yield [
            servers.enter_context(
                gunicorn(environment, pick_free_port(HOST), tmp_path / f"gunicorn-{name}.log")
            )
            for name in ("a", "b")
        ]


@pytest.fixture
def news(home):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")


def post_comment(server, page, text):
    """Post a comment as a person who took 20 s to write it, from the page `server` gave."""
    form_time = signing.dumps(
        {"page": page.pk, "time": time.time() - 20},
        key=PRODUCTION_ENVIRONMENT["SECRET_KEY"],
        salt=TIMESTAMP_SALT,
    )
    return requests.post(
        server + comment_post_url(page),
        {**AUTHOR, "text": text, "form_time": form_time},
        headers={"Origin": server},
        allow_redirects=False,
        timeout=10,
    )


def get(url):
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, url
    return response


def page_title(response):
    return re.search(r"<h1[^>]*>\s*([^<]*?)\s*</h1>", response.text)[1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_app_servers_share_pages_invalidations_and_comment_limits(app_servers, news):
    server_a, server_b = app_servers
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(
        page=news,
        author_email=AUTHOR["email"],
        created_at=timezone.now() - datetime.timedelta(hours=1),
    )
    get(server_b + news.url)
    assert get(server_b + news.url).headers["X-Page-Cache"] == "hit"

    # A known author's comment, approved on server A, is on server B's page at once.
    assert post_comment(server_a, news, "The slides are online.").status_code == 302
    assert VisitorComment.objects.get(text="The slides are online.").status == (
        CommentStatus.APPROVED
    )
    assert "The slides are online." in get(server_b + news.url).text

    # The same author on server B right after: the rate limit counted the first comment.
    refused = post_comment(server_b, news, "And the recording?")
    assert refused.status_code == 429
    assert "too quickly" in refused.text
    assert not VisitorComment.objects.filter(text="And the recording?").exists()

    # A publication (here, by this process) is seen by both servers at once.
    for server in app_servers:
        get(server + news.url)
    news.title = "Seminar in Leuven: the programme"
    news.save_revision().publish()
    for server in app_servers:
        assert page_title(get(server + news.url)) == "Seminar in Leuven: the programme"


def wait_for_health(server, expected, seconds=5):
    deadline = time.monotonic() + seconds
    while (health := get(f"{server}/healthz").text) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return health


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_app_servers_answer_while_redis_is_down_and_healthz_says_so(
    app_servers, redis_server, news
):
    for server in app_servers:
        get(server + news.url)

    redis_server.stop()
    for server in app_servers:
        for url in ("/en/", "/en/search/?q=Leuven", news.url):
            assert "Seminar in Leuven" in get(server + url).text, url
        assert (
            get(f"{server}/healthz").text == "ok; cache degraded: default, pages, page_generation"
        )
    redis_server.start()

    for server in app_servers:
        assert wait_for_health(server, "ok") == "ok"
        # Nothing changed during the outage: once the first request stores the page again,
        # every worker serves it from Redis (a worker that failed less than RETRY_SECONDS ago
        # renders it without the cache meanwhile: no header).
        statuses = statuses_until_hits(server + news.url, in_a_row=5, seconds=10)
        assert statuses[-5:] == ["hit"] * 5, statuses
        assert "miss" not in statuses[statuses.index("hit") :], statuses


def statuses_until_hits(url, in_a_row, seconds):
    """The X-Page-Cache of each GET of `url` until `in_a_row` hits in a row, or `seconds`."""
    statuses = []
    deadline = time.monotonic() + seconds
    while statuses[-in_a_row:] != ["hit"] * in_a_row and time.monotonic() < deadline:
        statuses.append(get(url).headers.get("X-Page-Cache"))
        time.sleep(0.05)
    return statuses
