"""End-to-end tests in a real browser: Playwright (sync API) driving Debian's Chromium against
pytest-django's live server, on the PostgreSQL test database.

- One Chromium for the browser tests, a new context (cookies, storage) per visitor or user.
- Screenshots of each journey go to test-artifacts/screenshots/; a failing test also leaves a
  screenshot and the HTML of every page it had open (FAILED-…).
- Without /usr/bin/chromium the browser tests are skipped, and the run says how to enable them;
  on CI (CI=true) they fail instead.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connections

from tests.factories import UserFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
BROWSER_DIR = Path(__file__).parent
PASSWORD = "secret-password"  # tests.factories.UserFactory's
TIMEOUT_MS = 15_000

ON_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
SKIP_REASON = (
    f"browser tests skipped: Chromium is not installed at {CHROMIUM} "
    "(apt-get install chromium to run them)"
)

LOAD_ALL_IMAGES = """() => Promise.all([...document.images].map((img) => {
    img.loading = "eager";
    return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
}))"""

pages_key = pytest.StashKey[list]()
# A 4xx is an answer (autosave of an incomplete form, a missing page): the browser logs it as a
# console error, the test checks it where it matters. Requests leaving the machine are aborted.
EXPECTED_CONSOLE_ERRORS = re.compile(
    r"^Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_FAILED)"
)
db_blocker_key = pytest.StashKey[object]()


def chromium_missing():
    return not CHROMIUM.exists()


def is_browser_test(item):
    return BROWSER_DIR in Path(item.path).parents


# -- Skipped without Chromium, except on CI ---------------------------------------------------


def pytest_collection_modifyitems(config, items):
    if not chromium_missing() or ON_CI:
        return  # on CI the `browser` fixture fails instead
    for item in items:
        if is_browser_test(item):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter, config):
    if chromium_missing() and not ON_CI:
        skipped = terminalreporter.stats.get("skipped", [])
        if any(BROWSER_DIR.name in report.nodeid for report in skipped):
            terminalreporter.write_sep("=", "browser tests", yellow=True)
            terminalreporter.write_line(
                f"The browser tests were SKIPPED: no Chromium at {CHROMIUM}. "
                "Install it with `apt-get install chromium`, then run `make test` again."
            )


# -- The browser --------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One headless Chromium for all the browser tests.

    Playwright's sync API keeps an asyncio loop marked as running in this thread while it is
    started, which changes how Django behaves here:
    - Django refuses ORM calls while a loop runs (SynchronousOnlyOperation): the check is off
      for the browser tests only (they call the ORM between page interactions, never
      concurrently with them);
    - Django's connections are thread-local, but "async" (per context) while a loop runs: the
      ORM gets a second connection object, which lacks the migrated data that
      `serialized_rollback` restores; it is handed over here.
    Hence package scope: Playwright stops after the last browser test, and the rest of the
    suite runs as usual."""
    if chromium_missing():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: on CI the browser tests must run "
            "(.ci/run installs it: apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                if contents is not None:
                    connections[alias]._test_serialized_contents = contents
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            connections.close_all()  # the connections opened while the loop ran


@pytest.fixture(autouse=True)
def _browser_test_settings(settings, request):
    """The comment form's anti-bot delay would make every test wait 3 s; Wagtail's upgrade
    check would call out of the machine."""
    settings.COMMENTS_MIN_SECONDS_TO_FILL = 0
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False


@pytest.fixture
def new_page(browser, live_server, django_db_blocker, request):
    """new_page() opens a page in a new browser context: a person with their own cookies. The
    test fails if any page it opened saw a 5xx, a script error or a console error."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")):
        pytest.fail(
            "A browser test needs @pytest.mark.django_db(transaction=True, "
            "serialized_rollback=True): the live server's tests flush the database."
        )
    request.node.stash[pages_key] = []
    request.node.stash[db_blocker_key] = django_db_blocker  # for pytest_runtest_teardown
    for pattern in (f"{request.node.name}-*", f"FAILED-{request.node.name}-*"):
        for stale in SCREENSHOTS.glob(pattern):  # from an earlier run of this test
            stale.unlink(missing_ok=True)
    contexts = []
    local = re.compile(rf"^{re.escape(live_server.url)}/")

    def open_page():
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(TIMEOUT_MS)
        # Nothing leaves the machine (Gravatar, fonts…): the tests see only the site.
        context.route(
            lambda url: not local.match(url) and not url.startswith("data:"),
            lambda route: route.abort(),
        )
        contexts.append(context)
        page = context.new_page()
        request.node.stash[pages_key].append(page)
        return page

    failures = []
    yield lambda: watched(open_page(), failures)
    for context in contexts:
        context.close()
    if failures:
        pytest.fail("The browser saw failures:\n" + "\n".join(failures))


def watched(page, failures):
    """Every page a test opens is watched for what a person must never meet: a 5xx answer to
    any request (autosave and other background requests included), an uncaught script error,
    or an error in the console."""
    page.on(
        "response",
        lambda response: (
            response.status >= 500
            and failures.append(f"{response.status} {response.request.method} {response.url}")
        ),
    )
    page.on("pageerror", lambda error: failures.append(f"script error on {page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not EXPECTED_CONSOLE_ERRORS.match(message.text)
            and failures.append(f"console error on {page.url}: {message.text}")
        ),
    )
    return page


@pytest.fixture
def screenshot(request):
    """screenshot(page, "name") saves a full-page PNG under test-artifacts/screenshots/."""

    def save(page, name):
        page.wait_for_load_state()
        # A full-page capture does not scroll: load the lazy pictures as a reader's scrolling would.
        page.evaluate(LOAD_ALL_IMAGES)
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test leaves a screenshot and the HTML of each page it had open."""
    report = yield
    pages = item.stash.get(pages_key, [])
    if report.failed and report.when in ("setup", "call") and pages:
        saved = []
        for number, page in enumerate(pages, start=1):
            if page.is_closed():
                continue
            stem = SCREENSHOTS / f"FAILED-{item.name}-{number}"
            try:
                page.screenshot(path=stem.with_suffix(".png"), full_page=True)
                stem.with_suffix(".html").write_text(page.content(), encoding="utf-8")
            except Exception as error:  # the page may have crashed: report, don't mask
                saved.append(f"{stem}: not saved ({error})")
            else:
                saved.append(f"{stem}.png, .html ({page.url})")
        report.sections.append(("browser pages at the failure", "\n".join(saved)))
    return report


# -- Database: transactional tests that leave the migrated data behind -------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The live server needs transactional tests, which end with a flush of every table,
    including what the data migrations wrote (groups, workflow, locales, the root page). Their
    `serialized_rollback` reloads it at the start of each of them only; reload it at the end
    too, so that the tests after them see the database as migrated."""
    try:
        return (yield)
    finally:
        blocker = item.stash.get(db_blocker_key, None)
        if nextitem is not None and blocker is not None:
            with blocker.unblock():
                for alias in connections:
                    connection = connections[alias]
                    contents = getattr(connection, "_test_serialized_contents", None)
                    if contents:
                        connection.creation.deserialize_db_from_string(contents)
                        connection.close()


# -- People ---------------------------------------------------------------------------------


@pytest.fixture
def make_user():
    def make(username, group=None, **fields):
        groups = [Group.objects.get(name=group)] if group else []
        return UserFactory(username=username, groups=groups, **fields)

    return make


@pytest.fixture
def log_in():
    """log_in(page, user): through the admin's real login form."""
    from playwright.sync_api import expect

    def sign_in(page, user):
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_title(re.compile(r"^Dashboard"))
        return page

    return sign_in
