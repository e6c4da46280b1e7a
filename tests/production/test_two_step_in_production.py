"""The admin's second factor under the production settings, served by gunicorn: a moderator
with the right password but no second factor cannot open the comment queue or its CSV export;
after enrolling an authenticator app they can, and at the next login with a code."""

import os
import re

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import Group

from bench.load import gunicorn
from editorial.roles import MODERATORS
from tests.factories import UserFactory
from tests.postgres_cluster import pick_free_port
from tests.production.test_production_settings import PRODUCTION_ENVIRONMENT, SWITCHES
from tests.second_factor import code_from_key, key_from_secret, secret_on_page

HOST = "127.0.0.1"
PASSWORD = "a-moderators-long-password"
QUEUE = "/admin/visitor-comments/"
EXPORT = f"{QUEUE}?export=csv"


@pytest.fixture
def server(tmp_path):
    """gunicorn under the production settings on the test database, ADMIN_2FA_REQUIRED left to
    its production default."""
    database = settings.DATABASES["default"]
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in {*SWITCHES, "ADMIN_2FA_REQUIRED"}
    }
    environment = inherited | {
        **PRODUCTION_ENVIRONMENT,
        "DJANGO_SETTINGS_MODULE": "tests.production.app_server_settings",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_DIR": str(tmp_path / "page-cache"),
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
    }
    with gunicorn(environment, pick_free_port(HOST), tmp_path / "gunicorn.log") as address:
        yield address


class Browser:
    """requests as a browser behind the site's HTTPS proxy: X-Forwarded-Proto, and the cookies
    (secure, as production sets them) sent back although this hop is plain HTTP."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def request(self, method, path, **kwargs):
        response = requests.request(
            method,
            self.server + path,
            cookies=self.cookies,
            headers={"X-Forwarded-Proto": "https", "Origin": self.server.replace("http", "https")},
            allow_redirects=False,
            timeout=10,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path):
        return self.request("GET", path)

    def submit(self, path, **fields):
        """Fill in the form that `path` shows and send it there."""
        form = self.get(path).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **fields})

    def log_in(self, user):
        response = self.submit("/admin/login/", username=user.username, password=PASSWORD)
        assert response.status_code == 302, response.text


@pytest.fixture
def moderator(settings):
    # A hasher that production has (the test settings' MD5 is not in its list).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    return UserFactory(
        username="moderator", password=PASSWORD, groups=[Group.objects.get(name=MODERATORS)]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_moderator_needs_a_second_factor_for_the_comment_queue_in_production(server, moderator):
    browser = Browser(server)
    browser.log_in(moderator)
    for path in (QUEUE, EXPORT):
        response = browser.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/admin/two-step/set-up/"), path

    key = key_from_secret(secret_on_page(browser.get("/admin/two-step/set-up/").text))
    enrolled = browser.submit("/admin/two-step/set-up/", code=code_from_key(key))
    assert "Your recovery codes" in enrolled.text
    assert browser.get(QUEUE).status_code == 200
    export = browser.get(EXPORT)
    assert export.status_code == 200
    assert export.headers["Content-Type"].startswith("text/csv")

    next_day = Browser(server)
    next_day.log_in(moderator)
    assert next_day.get(EXPORT).headers["Location"].startswith("/admin/two-step/verify/")
    verified = next_day.submit(
        f"/admin/two-step/verify/?next={QUEUE}", code=code_from_key(key, periods_ahead=1)
    )
    assert verified.headers["Location"] == QUEUE
    assert next_day.get(QUEUE).status_code == 200
