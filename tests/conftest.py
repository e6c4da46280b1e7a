import pytest
from django.conf import settings

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
