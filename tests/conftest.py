import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

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


# -- Site -------------------------------------------------------------------------------------


@pytest.fixture
def home(db):
    """An English HomePage serving as the root of the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="liaise-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture(autouse=True)
def empty_cache():
    """Wagtail caches site root paths; a rolled-back test must not leave them behind."""
    cache.clear()
