"""The static archive of the demo site (archive/build.py), served by nothing but files: every
link to the site leads to a file of the archive, none to a query string or to what only a
server answers, forms that need a server are notices, and filters are links to pages of their
own."""

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from archive.build import fetch
from tests.conftest import ARCHIVE_BASE_URL
from tests.factories import DocumentFactory
from tests.nu_checker import html_errors

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BASE_URL = ARCHIVE_BASE_URL
LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
SRCSET = re.compile(r'\ssrcset="([^"]*)"')


def internal_links(page):
    """The links of an archived page to the archive itself (paths, or under BASE_URL)."""
    links = LINK.findall(page)
    for srcset in SRCSET.findall(page):
        links += [candidate.split()[0] for candidate in srcset.split(",")]
    for link in links:
        link = link.replace("&amp;", "&")
        if link.startswith(BASE_URL):
            link = link.removeprefix(BASE_URL) or "/"
        if link.startswith("/"):
            yield link


def file_of(archive, link):
    """The file a static server answers `link` with, or None."""
    path = archive / unquote(urlsplit(link).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


@pytest.fixture
def archives(archived_demo):
    return archived_demo


@pytest.fixture
def archive(archived_demo):
    return archived_demo[0]


def archived_pages(archive):
    return {path: path.read_text() for path in archive.rglob("*.html")}


def anchors(page):
    return set(re.findall(r'\sid="([^"]+)"', page))


def test_every_link_of_the_archive_leads_to_one_of_its_files_and_anchors(archive):
    pages = archived_pages(archive)
    broken, to_a_server = [], []
    for path, page in pages.items():
        where = path.relative_to(archive)
        for link in internal_links(page):
            target = file_of(archive, link)
            fragment = urlsplit(link).fragment
            if "?" in link or link.startswith(("/admin/", "/api/", "/django-admin/")):
                to_a_server.append(f"{where}: {link}")
            elif target is None:
                broken.append(f"{where}: {link}")
            elif fragment and target.suffix == ".html" and fragment not in anchors(pages[target]):
                broken.append(f"{where}: {link} (no such anchor)")
        for fragment in re.findall(r'\shref="#([^"]+)"', page):
            if fragment not in anchors(page):
                broken.append(f"{where}: #{fragment} (no such anchor)")

    assert to_a_server == []
    assert broken == []


def test_every_page_is_archived_in_both_languages_with_its_listings_pages(archive):
    for page in (
        "en/partners/bordeaux/index.html",
        "fr/partenaires/bordeaux/index.html",
        "en/seminars/bordeaux-2016/index.html",
        "fr/actualites/index.html",
        "en/resources/index.html",
    ):
        assert (archive / page).is_file(), page
    # A filter's value, a tag: pages of their own.
    assert (archive / "en/partners/country/FR/index.html").is_file()
    assert (archive / "fr/projets-pilotes/status/running/index.html").is_file()


def test_forms_that_need_a_server_are_notices_and_filters_are_links(archive):
    contact = (archive / "en/contact/index.html").read_text()
    seminar = (archive / "fr/seminaires/bordeaux-2016/index.html").read_text()
    directory = (archive / "en/partners/index.html").read_text()

    assert 'method="post"' not in contact + seminar
    assert "The contact form is closed: this is the archive of the LIAISE 2 project" in contact
    assert "Commentaires fermés : ceci est l’archive du projet LIAISE 2, 2016–2018." in seminar
    assert "The archive of the LIAISE 2 project, 2016–2018" in directory
    assert '<form class="filters"' not in directory
    assert 'href="/en/partners/country/FR/#partner-list"' in directory


def test_absolute_links_name_the_archives_address(archive):
    home = (archive / "en/index.html").read_text()

    assert f'<link rel="canonical" href="{BASE_URL}/en/">' in home
    assert "liaise.example.org" not in home.replace(BASE_URL, "")


def test_the_archive_has_a_search_index_per_language_of_its_pages_only(archive):
    entry = json.loads((archive / "pagefind/pagefind-entry.json").read_text())
    search_page = (archive / "fr/recherche/index.html").read_text()
    filtered = (archive / "en/partners/country/FR/index.html").read_text()

    assert set(entry["languages"]) == {"en", "fr"}
    # Every page of the site once: not a listing's filters, nor the search page.
    assert "data-pagefind-body" in (archive / "en/partners/bordeaux/index.html").read_text()
    assert "data-pagefind-body" not in filtered + search_page
    assert 'src="/pagefind/pagefind-ui.js"' in search_page
    # Without JavaScript, the sitemap and the directory.
    assert 'href="/sitemap.xml"' in search_page
    assert 'href="/fr/partenaires/">annuaire des partenaires</a>' in search_page


def test_building_again_with_no_change_rewrites_nothing(archives):
    _archive, first, second = archives

    assert second == first


def test_every_archived_page_is_valid_html(archive):
    pages = sorted(archive.rglob("*.html"))

    assert html_errors(pages, name_of=lambda path: path.relative_to(archive)) == []


def test_the_root_offers_each_language_and_chooses_the_visitors(archive):
    root = (archive / "index.html").read_text()

    assert '<a href="/fr/" hreflang="fr" lang="fr">Français</a>' in root
    assert "navigator.languages" in root


def test_the_archive_has_its_sitemap_robots_and_not_found_pages(archive):
    sitemap = (archive / "sitemap.xml").read_text()
    robots = (archive / "robots.txt").read_text()

    assert f"<loc>{BASE_URL}/sitemap-pages.xml" in sitemap
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in robots
    for page, title in (("en/404.html", "Page not found"), ("fr/404.html", "Page introuvable")):
        assert title in (archive / page).read_text()
    assert (archive / "404.html").read_text() == (archive / "en/404.html").read_text()


def test_a_document_of_a_restricted_collection_stays_out_of_the_archive(tmp_path, home):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = DocumentFactory(title="Budget", collection=collection)
    public = DocumentFactory(title="Programme")
    client = Client(HTTP_HOST=urlsplit(settings.SITE_URL).netloc)

    assert fetch(client, private.url) is None
    assert fetch(client, public.url).content == public.file.open().read()
