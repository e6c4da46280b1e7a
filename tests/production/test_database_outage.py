"""While PostgreSQL is down the site answers a friendly 503, nothing is half-saved, and it
recovers by itself once the database is back, without restarting the application."""

import re
import threading
import time
from contextlib import contextmanager
from unittest import mock
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
import requests
from django.conf import settings
from django.core import signing
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, connection, connections

from discussion.forms import TIMESTAMP_SALT
from discussion.models import VisitorComment
from tests.comments import comment_post_url
from tests.factories import NewsIndexPageFactory, NewsPageFactory

COMMENT = {"name": "Ana Lopes", "email": "ana@example.net", "text": "Thank you for the seminar."}


@pytest.fixture
def news(home):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Leuven")


# -- A real server ----------------------------------------------------------------------------


class QuietRequestHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def live_site(monkeypatch):
    """The site served over HTTP by one thread that handles request after request, like a
    gunicorn worker with production's persistent, health-checked database connection. (The test
    client cannot show recovery: it keeps one connection and skips the per-request checks.)"""
    database = settings.DATABASES["default"]  # the test database; every connection reads it
    monkeypatch.setitem(database, "CONN_MAX_AGE", 60)
    monkeypatch.setitem(database, "CONN_HEALTH_CHECKS", True)
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietRequestHandler)
    thread = threading.Thread(target=serve_until_shut_down, args=(server,))
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


def serve_until_shut_down(server):
    try:
        server.serve_forever(poll_interval=0.05)
    finally:
        connections.close_all()  # this thread's connection


@contextmanager
def database_down(cluster):
    """Stop the PostgreSQL server for the duration of the block, then start it again."""
    cluster.stop_server()
    try:
        yield
    finally:
        cluster.start_server()
        connection.close()  # the test's own connection died with the server


def restart_database(cluster):
    with database_down(cluster):
        pass


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outage_answers_503_and_the_site_recovers_without_restarting(
    live_site, postgres_cluster, news
):
    visitor = requests.Session()
    page_url = live_site + news.url
    form = hidden_fields(visitor.get(page_url, timeout=10).text)

    with database_down(postgres_cluster):
        posted = visitor.post(live_site + comment_post_url(news), {**form, **COMMENT}, timeout=10)
        health = requests.get(f"{live_site}/healthz", timeout=10)
    after_restart = visitor.get(page_url, timeout=10)

    assert posted.status_code == 503
    assert posted.headers["Retry-After"] == "60"
    assert "The site is temporarily unavailable" in posted.text
    assert "If you were sending a comment, it has not been saved" in posted.text
    assert health.status_code == 503
    assert after_restart.status_code == 200
    assert "Seminar in Leuven" in after_restart.text
    assert requests.get(f"{live_site}/healthz", timeout=10).text == "ok"
    assert not VisitorComment.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_restart_between_two_requests_goes_unnoticed(live_site, postgres_cluster, news):
    page_url = live_site + news.url
    assert requests.get(page_url, timeout=10).status_code == 200

    restart_database(postgres_cluster)

    # The worker's connection died with the server; the health check replaces it.
    assert requests.get(page_url, timeout=10).status_code == 200


# -- Through the test client ------------------------------------------------------------------


def valid_comment(page):
    form_time = signing.dumps({"page": page.pk, "time": time.time() - 20}, salt=TIMESTAMP_SALT)
    return {**COMMENT, "website": "", "homepage": "", "form_time": form_time}


@pytest.mark.django_db
def test_comment_whose_saving_fails_midway_leaves_nothing_behind(client, news):
    # The comment is inserted, then the database fails before the end of its transaction.
    failure = OperationalError("server closed the connection unexpectedly")
    with mock.patch("discussion.notifications.transaction.on_commit", side_effect=failure):
        response = client.post(
            comment_post_url(news), valid_comment(news), REMOTE_ADDR="198.51.100.7"
        )

    assert response.status_code == 503
    assert not VisitorComment.objects.exists()


def fail_to_route(error):
    """Make serving any page raise `error`, as a query would (home/views.py's serve view routes
    from the home page it finds first)."""
    return mock.patch("home.views.routing_home", side_effect=error)


@pytest.mark.django_db
def test_outage_page_is_in_the_visitors_language(client, home):
    with fail_to_route(OperationalError("could not connect to server")):
        response = client.get("/fr/")

    html = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="fr"' in html
    assert "Le site est momentanément indisponible" in html


@pytest.mark.django_db
def test_other_errors_are_not_reported_as_an_outage(client, home):
    client.raise_request_exception = False
    with fail_to_route(ValueError("a bug")):
        response = client.get("/en/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
