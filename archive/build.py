"""The static archive of the site: every public page of every language, as the site serves
it, in files that any static host can serve without the CMS (docs/operations.md, "Closing
the project").

The site is rendered in this process with STATIC_ARCHIVE on (forms that need a server become
notices, filters become links: core/context_processors.py) and caches of its own, never the
live site's. Starting from every live public page, the archive follows every link to the site:
a page is written as `<its path>/index.html`; an address with a query string (a page of a
listing, a filter, a tag) becomes a path of its own (`/en/news/?page=2` →
`/en/news/page/2/`); a feed or a calendar gets a file name with its type's extension;
documents, pictures and static files are copied. Links are rewritten to match, and
absolute links to the site (canonical, alternates, link previews) name `base_url` instead.
"""

import html
import json
import logging
import re
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, quote, unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client, override_settings
from wagtail.models import Page

from core.querysets import public

# Attributes whose value is an address (srcset: several, with their widths; a <meta>'s content
# only when it is an absolute address: og:url, og:image).
LINK = re.compile(
    r'(?P<attr>\s(?:href|src|action))="(?P<url>[^"]*)"|(?P<meta>\scontent)="(?P<absolute>https?://[^"]*)"'
)
LOCATION = re.compile(r"<loc>([^<]+)</loc>")
SRCSET = re.compile(r'(?P<attr>\ssrcset)="(?P<value>[^"]*)"')
# The extension a file of each type is written with, when its address has none.
EXTENSIONS = {
    "text/html": ".html",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/calendar": ".ics",
    "application/json": ".json",
    "text/plain": ".txt",
}
PLAIN_STATIC_FILES = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Indexing the demo's archive takes about a second.
PAGEFIND_SECONDS = 300
# Files whose text names the site's pages by their absolute address.
TEXT_EXTENSIONS = (".rss", ".atom", ".xml", ".ics", ".json", ".txt")
# An address no page has, for the "page not found" of each language.
NOT_FOUND_SLUG = "archive-page-not-found"
# Where Pagefind writes the archive's search index and interface.
SEARCH_INDEX = "/pagefind/"
# Addresses a static copy has nothing to answer with.
SERVER_ONLY = ("/admin/", "/django-admin/", "/api/", "/_util/")
# (Wagtail's login for restricted pages and documents is /_util/login/.)
ARCHIVE_CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"archive-{alias}",
    }
    for alias in ("default", "pages", "page_generation")
}


@dataclass
class Fetched:
    """What the site answered for an address: its content and where it goes in the archive."""

    path: str  # the file, relative to the archive's root
    content: bytes
    is_html: bool


def build_archive(output, base_url):
    """Write the archive of the site into `output`; `base_url`: where it will be served from.
    Built in a folder of its own, then synchronised: a file whose content did not change is
    not written again, one the site no longer has is removed, so that a sync to a host (rsync,
    `aws s3 sync`) sends only what changed. Returns {address: file} of the pages."""
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="liaise-archive-") as built:
        files = write_archive(Path(built), base_url)
        synchronise(Path(built), output)
    return files


def write_archive(output, base_url):
    """Render, crawl and write the archive into the empty folder `output`."""
    site_url = settings.SITE_URL
    with override_settings(
        STATIC_ARCHIVE=True,
        PAGE_CACHE_ENABLED=False,
        CACHES=ARCHIVE_CACHES,
        # Static files under their own names, which the archive copies as they are.
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_FILES}},
        ALLOWED_HOSTS=[urlsplit(site_url).hostname],
    ):
        client = Client(HTTP_HOST=urlsplit(site_url).netloc)
        fetched = crawl(client, start_addresses())
        fetched |= not_found_pages(client)
        fetched["/"] = Fetched("index.html", root_page().encode(), True)
    files = {address: item.path for address, item in fetched.items()}
    for address, item in fetched.items():
        content = item.content
        if item.is_html:
            page = rewrite_links(content.decode(), address, files, site_url, base_url)
            content = searchable_once(page, address).encode()
        elif item.path.endswith(TEXT_EXTENSIONS):  # feeds, calendars, sitemaps: their links
            text = rewrite_locations(content.decode(), address, files, base_url)
            content = text.replace(site_url, base_url.rstrip("/")).encode()
        write(output / item.path, content)
    index_for_search(output)
    return files


def not_found_pages(client):
    """{address: Fetched} of the "page not found" of each language (`<language>/404.html`,
    the first language's also at the root, where static hosts look for it)."""
    pages = {}
    for number, (language, _name) in enumerate(settings.LANGUAGES):
        with quiet_log("django.request"):  # "Not Found": asked for on purpose
            response = client.get(f"/{language}/{NOT_FOUND_SLUG}/")
        content = response.content
        pages[f"/{language}/404.html"] = Fetched(f"{language}/404.html", content, True)
        if number == 0:
            pages["/404.html"] = Fetched("404.html", content, True)
    return pages


@contextmanager
def quiet_log(name):
    """Logger `name` says nothing below an error within the block."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def root_page():
    """The archive's `/`: a link to each language, and the visitor's language chosen in the
    browser as the site's LocaleMiddleware would (the first of theirs the site has)."""
    return render_to_string(
        "archive/root.html",
        {"languages": [(code, name) for code, name in settings.LANGUAGES]},
    )


def searchable_once(page, address):
    """A listing's pages, filters and tags hold nothing of their own: only the pages of the
    site (addresses without a query string) are in the archive's search."""
    return page.replace(" data-pagefind-body", "") if "?" in address else page


def index_for_search(output):
    """Pagefind's index of the archive, per language (<html lang>, English and French
    stemming), and its search interface, into `output`/pagefind/."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output), "--quiet"],
        check=True,
        timeout=PAGEFIND_SECONDS,
    )
    # Its list of languages comes in any order: sorted, so that an unchanged site gives an
    # unchanged file.
    entry = output / SEARCH_INDEX.strip("/") / "pagefind-entry.json"
    sorted_entry = json.dumps(json.loads(entry.read_text()), sort_keys=True, ensure_ascii=False)
    entry.write_text(sorted_entry, encoding="utf-8")


def start_addresses():
    """robots.txt, the sitemap and every live public page of every language."""
    pages = public(Page.objects.live().filter(depth__gt=1))
    return ["/robots.txt", "/sitemap.xml", *sorted(url for page in pages if (url := page.url))]


def crawl(client, addresses):
    """{address: Fetched} of `addresses` and of every address of the site they link to."""
    fetched, queue = {}, list(addresses)
    while queue:
        address = queue.pop(0)
        if address in fetched or is_server_only(address):
            continue
        item = fetch(client, address)
        if item is None:
            continue
        fetched[address] = item
        if item.is_html:
            queue.extend(linked_addresses(item.content.decode(), address))
        elif item.path.endswith(".xml"):  # a sitemap: its files and pages
            locations = LOCATION.findall(item.content.decode())
            queue.extend(own for url in locations if (own := own_address(url, address)))
    return fetched


def fetch(client, address):
    """What the site serves at `address` (following redirects), or None when it serves
    nothing there (a 404: the link checker of the tests reports the page that links it)."""
    if address.startswith(settings.STATIC_URL):
        source = finders.find(unquote(address.removeprefix(settings.STATIC_URL)))
        return Fetched(address.lstrip("/"), Path(source).read_bytes(), False) if source else None
    if address.startswith(settings.MEDIA_URL):
        source = Path(settings.MEDIA_ROOT) / unquote(address.removeprefix(settings.MEDIA_URL))
        return (
            Fetched(address.lstrip("/"), source.read_bytes(), False) if source.is_file() else None
        )
    response = client.get(address, follow=True)
    # A restricted document or page leads to a login: not part of the archive.
    led_to = [urlsplit(url).path for url, _status in response.redirect_chain]
    if response.status_code != 200 or any(is_server_only(path) for path in led_to):
        return None
    content_type = response.get("Content-Type", "text/html").split(";")[0].strip()
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.redirect_chain:
        # A redirect (the root to a language): a page that leads there.
        target = response.redirect_chain[-1][0]
        content = redirect_page(target).encode()
        content_type = "text/html"
    return Fetched(archive_path(address, content_type), content, content_type == "text/html")


def redirect_page(target):
    target = html.escape(target)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>LIAISE 2</title>'
        f'<meta http-equiv="refresh" content="0; url={target}"><link rel="canonical" '
        f'href="{target}"></head><body><p><a href="{target}">LIAISE 2</a></p></body></html>'
    )


def archive_path(address, content_type):
    """The file an address is written to: a page at `<path>/index.html`, a query string as
    folders (`?tag=seminar&page=2` → `page/2/tag/seminar/`), or in a file's name; another type
    of file with its type's extension when its address has none (`/en/news/feed/` →
    `en/news/feed.rss`)."""
    parts = urlsplit(address)
    path = PurePosixPath(unquote(parts.path).lstrip("/"))
    query = sorted(parse_qsl(parts.query))
    if path.suffix and query:  # a file's other pages: `sitemap-pages.xml?p=2` → `…-p-2.xml`
        words = "-".join(f"{name}-{value}" for name, value in query)
        return str(path.with_name(f"{path.stem}-{words}{path.suffix}"))
    for name, value in query:
        path = path / name / value
    extension = EXTENSIONS.get(content_type, "")
    if content_type == "text/html":
        return str(path / "index.html") if not path.suffix else str(path)
    if path.suffix:
        return str(path)
    return str(path) + extension if str(path) not in ("", ".") else "index" + extension


def is_server_only(address):
    """An address only a server answers, or one the archive makes itself (its search)."""
    return address.startswith((*SERVER_ONLY, SEARCH_INDEX))


def linked_addresses(page, address):
    """The addresses of the site that `page` (HTML, served at `address`) links to."""
    found = [html.unescape(link_of(match)) for match in LINK.finditer(page)]
    for match in SRCSET.finditer(page):
        found += [candidate.split()[0] for candidate in html.unescape(match["value"]).split(",")]
    return [own for url in found if (own := own_address(url, address)) is not None]


def link_of(match):
    return match["url"] if match["url"] is not None else match["absolute"]


def own_address(url, address):
    """`url`, written in the page at `address`, as an address of the site (path and query),
    or None when it is elsewhere (another site, mailto:, a fragment of the same page)."""
    if url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")) or not url:
        return None
    absolute = urljoin(settings.SITE_URL + address, url)
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(absolute)
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def rewrite_links(page, address, files, site_url, base_url):
    """`page` with every link to the site pointing at its file in the archive, under
    `base_url` when the link was absolute."""

    def archived(url):
        own = own_address(html.unescape(url), address)
        if own is None or own not in files:
            return url
        fragment = urlsplit(html.unescape(url)).fragment
        target = served_address(files[own]) + (f"#{fragment}" if fragment else "")
        if html.unescape(url).startswith(site_url):
            return html.escape(base_url.rstrip("/") + target)
        return html.escape(target)

    page = LINK.sub(
        lambda match: f'{match["attr"] or match["meta"]}="{archived(link_of(match))}"', page
    )
    return SRCSET.sub(
        lambda match: '{}="{}"'.format(
            match["attr"],
            ", ".join(
                " ".join([archived(candidate.split()[0]), *candidate.split()[1:]])
                for candidate in html.unescape(match["value"]).split(",")
            ),
        ),
        page,
    )


def served_address(path):
    """The address a static host serves archive file `path` at (a page at its folder's)."""
    return quote("/" + path.removesuffix("index.html"))


def rewrite_locations(text, address, files, base_url):
    """A sitemap's <loc> addresses (and any other) pointing at their files in the archive."""

    def archived(match):
        own = own_address(match[1], address)
        if own is None or own not in files:
            return match[0]
        return f"<loc>{base_url.rstrip('/')}{served_address(files[own])}</loc>"

    return LOCATION.sub(archived, text)


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def synchronise(source, target):
    """Make folder `target` hold what `source` holds, writing only the files that differ."""
    wanted = {path.relative_to(source) for path in source.rglob("*") if path.is_file()}
    target.mkdir(parents=True, exist_ok=True)
    for stale in [path for path in target.rglob("*") if path.is_file()]:
        if stale.relative_to(target) not in wanted:
            stale.unlink()
    for relative in sorted(wanted):
        content = (source / relative).read_bytes()
        destination = target / relative
        if not destination.is_file() or destination.read_bytes() != content:
            write(destination, content)
    for folder in sorted(target.rglob("*"), reverse=True):  # the deepest first
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
