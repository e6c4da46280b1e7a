import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from post_office.mail import send_queued
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pagecache.cache import known_numbers
from pagecache.data import process_memo
from pagecache.middleware import hot_entries, served_now
from tests.factories import HomePageFactory
from tests.postgres_cluster import ClusterError, ThrowawayCluster

cluster_key = pytest.StashKey[ThrowawayCluster]()


# -- Throwaway PostgreSQL cluster, one per test run -------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    try:
        config.stash[cluster_key] = ThrowawayCluster().start()
    except ClusterError as exc:
        raise pytest.UsageError(str(exc)) from exc


def pytest_unconfigure(config: pytest.Config) -> None:
    cluster = config.stash.get(cluster_key, None)
    if cluster is not None:
        cluster.stop()


def pytest_report_header(config: pytest.Config) -> str:
    cluster = config.stash[cluster_key]
    # version() reads "PostgreSQL 15.x (Debian ...) on x86_64-pc-linux-gnu, compiled by ...".
    version = cluster.server_version().split(" on ", 1)[0]
    return f"database: {version} — throwaway cluster on {cluster.host}:{cluster.port}"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, request: pytest.FixtureRequest
) -> None:
    """Point the test database at the throwaway cluster (overrides pytest-django's fixture)."""
    cluster = request.config.stash[cluster_key]
    database = settings.DATABASES["default"]
    # In place: django.db.connections may already hold a reference to this dict.
    database["HOST"] = cluster.host
    database["PORT"] = str(cluster.port)


@pytest.fixture(scope="session")
def postgres_cluster(request: pytest.FixtureRequest) -> ThrowawayCluster:
    """The cluster holding the test database, e.g. to stop and start its server."""
    return request.config.stash[cluster_key]


# -- Site -------------------------------------------------------------------------------------


@pytest.fixture
def home(db):
    """An English HomePage serving as the root of the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="liaise-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


# -- French translations ----------------------------------------------------------------------


@pytest.fixture
def french(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def translate(french, django_capture_on_commit_callbacks):
    """Translate a page into French through wagtail-localize and publish it.

    `strings` maps English segment text to French; other segments fall back to English."""

    def translate_page(page, strings=None, publish=True):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=french)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            if segment.string.data in (strings or {}):
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=french,
                    context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=publish)
        return translation

    return translate_page


@pytest.fixture(autouse=True)
def empty_cache():
    """Wagtail caches site root paths, the page cache sites, home pages and chrome
    (pagecache/), also kept in this process (its memos, its hot copies of pages); a rolled-back
    test must not leave them behind."""
    for alias in settings.CACHES:
        caches[alias].clear()
    for memo in (process_memo, hot_entries, served_now, known_numbers):
        memo.clear()


# -- Mail -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def mail_queue(settings):
    """Django's test set-up replaces EMAIL_BACKEND by its outbox; tests queue mail as
    production does (liaise/mail.py), and deliver_mail sends the queue to that outbox."""
    settings.EMAIL_BACKEND = "liaise.mail.QueuedEmailBackend"


@pytest.fixture
def deliver_mail():
    """What the worker does, in the test's transaction (its command, send_queued_mail, closes the
    database connection): send the queued mail, and return the outbox."""

    def deliver():
        send_queued()
        return mail.outbox

    return deliver


ARCHIVE_BASE_URL = "https://archive.liaise2.example.org"


def modification_times(folder):
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="session")
def archived_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site's static archive (archive/build.py), built twice, once for every test
    that reads it (tests/archive, the browser's visit): (the folder, the times of its files
    after the first build, after the second). Transactional tests empty the database after
    them; the files stay."""
    output = tmp_path_factory.mktemp("archive")
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        call_command("build_archive", str(output), base_url=ARCHIVE_BASE_URL, verbosity=0)
        first = modification_times(output)
        call_command("build_archive", str(output), base_url=ARCHIVE_BASE_URL, verbosity=0)
    return output, first, modification_times(output)
