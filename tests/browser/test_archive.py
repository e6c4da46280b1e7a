"""The static archive (archive/build.py) in a browser, served by a plain static file server
(Python's http.server) and nothing else: searching in French finds French pages only, the
filters and the language switcher work, and no request leaves the archive."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


SEMINAR_EN = "European cities facing radicalisation: communication and counter-narratives"
SEMINAR_FR = "Les villes européennes face à la radicalisation : communication et contre-discours"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def archive_server(archived_demo):
    """The demo site's archive (tests/conftest.py), at the root of a static file server."""
    folder = archived_demo[0]
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


def search(page, label, button, words):
    """Search from the box at the top of the page, as a visitor does."""
    page.get_by_label(label).fill(words)
    page.get_by_role("button", name=button, exact=True).click()


def test_a_visitor_searches_filters_and_switches_language_in_the_archive(
    browser, archive_server, screenshot
):
    context = browser.new_context(base_url=archive_server, locale="fr-FR")
    outside, problems = [], []
    context.on(
        "request",
        lambda request: (
            None if request.url.startswith(archive_server) else outside.append(request.url)
        ),
    )
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    # The search box of every page leads to the archive's search, in the page's language.
    page.goto("/en/")
    search(page, "Search the site", "Search", "Bordeaux")
    results = page.locator(".pagefind-ui__result-title")
    expect(results.get_by_text("City of Bordeaux", exact=True)).to_be_visible()
    page.goto("/fr/")
    search(page, "Rechercher sur le site", "Rechercher", "séminaire")
    expect(results.get_by_text("Séminaire à Bordeaux", exact=False).first).to_be_visible()
    expect(results.get_by_text("City of Bordeaux", exact=True)).to_have_count(0)
    screenshot(page, "1-french-search")

    # A filter is a link to a page of its own.
    page.goto("/en/partners/")
    page.get_by_role("navigation", name="Filter the directory").get_by_role(
        "link", name="France"
    ).click()
    expect(page).to_have_url(f"{archive_server}/en/partners/country/FR/#partner-list")
    expect(page.get_by_role("link", name="City of Bordeaux", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="City of Leuven", exact=True)).to_have_count(0)

    # A partner, its seminar, then the same in French.
    page.get_by_role("link", name="City of Bordeaux", exact=True).click()
    page.get_by_role("link", name=SEMINAR_EN, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEMINAR_EN)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEMINAR_FR)
    expect(page.get_by_text("Commentaires fermés")).to_be_visible()

    # The French guide, downloaded from the library.
    page.goto("/fr/ressources/guide-liaise-pour-les-autorites-locales/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger").click()
    assert download.value.suggested_filename.endswith(".pdf")

    assert outside == []
    assert problems == []
    context.close()
