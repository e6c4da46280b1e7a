"""Every absolute address names the site's public address (SITE_URL), whatever host name the
request came in under, and the deployment checks catch a production site still on localhost."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import checks
from django.test import override_settings
from wagtail.models import Site

from core.site_address import follow_site_url
from pagecache.cache import new_generation, stored_generation
from tests.factories import (
    EventIndexPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SeminarPageFactory,
)
from tests.production.test_production_settings import production_settings, run_in_production

pytestmark = pytest.mark.django_db

PUBLIC = "https://liaise.example.org"  # SITE_URL of the test settings
# The request's host: a load balancer, an internal name, a client's Host header.
OTHER_HOST = "internal.lan:8080"
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'<>\\]+""")
# Addresses outside the site that pages name on purpose (schemas, Efus, XML namespaces).
EXTERNAL = re.compile(r"https?://(schema\.org|efus\.eu|www\.sitemaps\.org|www\.w3\.org)[/\"]?")


@pytest.fixture
def pages(home):
    news_index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index, slug="leuven-seminar", image=ImageFactory())
    seminar_index = EventIndexPageFactory(parent=home)
    SeminarPageFactory(
        parent=seminar_index,
        slug="leuven",
        start_date=datetime.date(2016, 8, 30),
        end_date=datetime.date(2016, 8, 31),
    )


def own_addresses(client, url):
    response = client.get(url, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200, url
    text = response.content.decode()
    found = {match for match in ABSOLUTE_URL.findall(text) if not EXTERNAL.match(match)}
    assert found, f"no absolute address on {url}"
    return found


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/leuven-seminar/",  # canonical, og:url, og:image, hreflang, JSON-LD
        "/en/news/feed/",
        "/en/news/feed/atom/",
        "/en/seminars/leuven/calendar/",
        "/en/seminars/calendar/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/robots.txt",
        "/api/v2/pages/?type=news.NewsPage&fields=translations",
    ],
)
@override_settings(ALLOWED_HOSTS=["*"])
def test_absolute_addresses_name_the_public_site_not_the_request_host(client, pages, url):
    addresses = own_addresses(client, url)

    assert {address for address in addresses if not address.startswith(f"{PUBLIC}/")} == set()


def test_the_default_site_follows_site_url_after_migrate():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("liaise.example.org", 443, PUBLIC)

    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        follow_site_url()

    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")


@pytest.mark.parametrize(
    "site_url", ["liaise.example.org", "ftp://liaise.example.org", f"{PUBLIC}/en"]
)
def test_a_site_url_that_is_not_a_scheme_and_host_is_an_error(site_url):
    with override_settings(SITE_URL=site_url):
        errors = checks.run_checks(tags=[checks.Tags.urls])

    assert "core.E001" in {error.id for error in errors}


def test_a_site_url_outside_the_allowed_hosts_is_an_error():
    with override_settings(
        SITE_URL="https://elsewhere.example.com", ALLOWED_HOSTS=[".example.org"]
    ):
        errors = checks.run_checks(tags=[checks.Tags.urls])

    assert "core.E002" in {error.id for error in errors}
    assert settings.SITE_URL == PUBLIC


def test_production_takes_the_first_host_name_over_https_by_default():
    values = production_settings(
        "SITE_URL", "WAGTAILADMIN_BASE_URL", ALLOWED_HOSTS="www.liaise2.eu,liaise2.eu"
    )

    assert values == {
        "SITE_URL": "https://www.liaise2.eu",
        "WAGTAILADMIN_BASE_URL": "https://www.liaise2.eu",
    }


def test_deployment_checks_warn_when_production_still_names_localhost():
    result = run_in_production(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        ALLOWED_HOSTS="localhost",
        SITE_URL="http://localhost",
    )

    assert result.returncode != 0
    assert "core.W001" in result.stderr + result.stdout


def test_a_new_site_url_drops_the_pages_cached_under_the_old_one(
    django_capture_on_commit_callbacks,
):
    before = stored_generation() or new_generation()

    with (
        override_settings(SITE_URL="https://www.liaise2.eu"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        follow_site_url()

    assert stored_generation() != before
