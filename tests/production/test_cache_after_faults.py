"""The shared page cache stays right after faults and floods, on a gunicorn app server with the
production settings and a real Redis: a page published while Redis hangs, by a process that
then exits, is served fresh soon after Redis answers again; a flood of Host headers that differ
by their port or case adds no copies."""

import subprocess
import sys
import time
from contextlib import ExitStack

import pytest
import requests
from django.conf import settings

from bench.load import gunicorn
from pagecache.models import LostInvalidation
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.postgres_cluster import pick_free_port
from tests.production.test_two_app_servers import HOST, app_server_environment, page_title

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TITLE = "Seminar in Leuven: the programme"
# PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS in production (its default, liaise/settings/base.py).
CHECK_SECONDS = 5
PUBLISH = f"""
import django
django.setup()
from news.models import NewsPage
page = NewsPage.objects.get(slug="leuven")
page.title = "{NEW_TITLE}"
page.save_revision().publish()
"""


@pytest.fixture
def environment(redis_server):
    return app_server_environment(redis_server.url) | {"ALLOWED_HOSTS": f"{HOST},localhost"}


@pytest.fixture
def server(environment, tmp_path):
    with ExitStack() as stack:
        yield stack.enter_context(gunicorn(environment, pick_free_port(HOST), tmp_path / "log"))


@pytest.fixture
def news(home):
    return NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven", slug="leuven"
    )


def get(url, **headers):
    response = requests.get(url, headers=headers, timeout=10)
    assert response.status_code == 200, url
    return response


def test_a_publication_made_while_redis_hangs_by_a_process_that_exits_is_served_soon_after(
    server, environment, redis_server, news
):
    get(server + news.url)
    assert get(server + news.url).headers["X-Page-Cache"] == "hit"

    redis_server.pause()
    try:
        published = subprocess.run(
            [sys.executable, "-c", PUBLISH],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        redis_server.resume()
    assert published.returncode == 0, published.stderr
    assert LostInvalidation.objects.exists()  # the publisher's mark outlives it

    resumed = time.monotonic()
    while page_title(get(server + news.url)) != NEW_TITLE:
        assert time.monotonic() - resumed < CHECK_SECONDS + 5, "the old page outlived the outage"
        time.sleep(0.25)
    assert page_title(get(server + news.url)) == NEW_TITLE


def test_host_headers_differing_by_port_or_case_add_no_cache_entries(server, redis_server, news):
    get(server + news.url, Host="localhost:8000")
    assert get(server + news.url, Host="localhost:8000").headers["X-Page-Cache"] == "hit"
    with redis_server.client() as client:
        entries = client.dbsize()

        for port in range(300):
            host = f"LocalHost:{1000 + port}" if port % 2 else f"localhost:{1000 + port}"
            assert get(server + news.url, Host=host).headers["X-Page-Cache"] == "hit"

        assert client.dbsize() == entries
