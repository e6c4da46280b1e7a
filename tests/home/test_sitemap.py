import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from home.sitemaps import SITEMAP_PAGE_SIZE
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="About LIAISE 2", slug="about")


@pytest.fixture
def french_about(home, about, translate):
    translate(home)
    translate(about, {"About LIAISE 2": "À propos de LIAISE 2", "about": "a-propos"})


def sitemap_files(client):
    """The addresses of the sitemap files listed by the sitemap index, /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NAMESPACES)]


def sitemap_entries(client):
    """{location: {hreflang: href}} of every sitemap file."""
    entries = {}
    for address in sitemap_files(client):
        parts = urlsplit(address)
        response = client.get(parts.path, {"p": parts.query[2:]} if parts.query else {})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        for url in ET.fromstring(response.content).findall("sm:url", NAMESPACES):
            entries[url.findtext("sm:loc", namespaces=NAMESPACES)] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link[@rel='alternate']", NAMESPACES)
            }
    return entries


def test_sitemap_lists_every_language_with_hreflang_alternates(client, french_about):
    entries = sitemap_entries(client)

    alternates = {
        "en": "https://liaise.example.org/en/about/",
        "fr": "https://liaise.example.org/fr/a-propos/",
        "x-default": "https://liaise.example.org/en/about/",
    }
    assert entries["https://liaise.example.org/en/about/"] == alternates
    assert entries["https://liaise.example.org/fr/a-propos/"] == alternates
    assert entries["https://liaise.example.org/en/"]["fr"] == "https://liaise.example.org/fr/"
    assert set(entries) == {
        "https://liaise.example.org/en/",
        "https://liaise.example.org/en/about/",
        "https://liaise.example.org/fr/",
        "https://liaise.example.org/fr/a-propos/",
    }


def test_sitemap_leaves_out_drafts_and_private_pages(client, home):
    StandardPageFactory(parent=home, slug="draft", live=False)
    private = StandardPageFactory(parent=home, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    entries = sitemap_entries(client)

    assert set(entries) == {"https://liaise.example.org/en/"}


def test_untranslated_page_lists_only_its_own_language(client, french_about, home):
    StandardPageFactory(parent=home, slug="english-only")

    entries = sitemap_entries(client)

    assert entries["https://liaise.example.org/en/english-only/"] == {
        "en": "https://liaise.example.org/en/english-only/",
        "x-default": "https://liaise.example.org/en/english-only/",
    }


def test_sitemap_index_lists_files_of_a_hundred_pages(client, home):
    for number in range(SITEMAP_PAGE_SIZE):
        StandardPageFactory(parent=home, slug=f"page-{number}")

    files = sitemap_files(client)

    assert files == [
        "https://liaise.example.org/sitemap-pages.xml",
        "https://liaise.example.org/sitemap-pages.xml?p=2",
    ]
    assert len(sitemap_entries(client)) == SITEMAP_PAGE_SIZE + 1


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ["/admin/", "/en/search/", "/fr/recherche/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: https://liaise.example.org/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_search_results_are_not_indexed(client, home):
    html = client.get("/fr/recherche/", {"q": "séminaire"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_sitemap_index_dates_every_file_with_the_latest_publication(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    about.save_revision().publish()
    about.refresh_from_db()

    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    lastmods = [node.text for node in root.findall("sm:sitemap/sm:lastmod", NAMESPACES)]

    assert lastmods == [about.last_published_at.isoformat(timespec="seconds")]
    assert parsedate_to_datetime(response["Last-Modified"]) == about.last_published_at.replace(
        microsecond=0
    )
