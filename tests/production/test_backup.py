"""scripts/backup_restore_check.py backs up the database and proves that the backup restores."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import NewsIndexPageFactory, NewsPageFactory, VisitorCommentFactory

SCRIPT = settings.BASE_DIR / "scripts" / "backup_restore_check.py"


def backup_restore_check(cluster, backup_file, path_first=None):
    """Run the script on the test database, with the cluster's pg_dump and pg_restore."""
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    path = os.pathsep.join(str(d) for d in (path_first, cluster.bindir) if d)
    return subprocess.run(
        [sys.executable, SCRIPT, backup_file],
        env={**os.environ, "DATABASE_URL": url, "PATH": f"{path}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def comments(home):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    first = VisitorCommentFactory(page=news, text="Ce séminaire était très utile.")
    return [first, VisitorCommentFactory(page=news, parent=first, text="Thank you!")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_of_a_database_with_comments_restores_identically(
    postgres_cluster, comments, tmp_path
):
    result = backup_restore_check(postgres_cluster, tmp_path / "liaise.dump")

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")
    assert (tmp_path / "liaise.dump").stat().st_size > 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_that_does_not_restore_is_reported(postgres_cluster, comments, tmp_path):
    # A pg_restore that restores nothing, as with a truncated or empty archive.
    broken = tmp_path / "bin"
    broken.mkdir()
    (broken / "pg_restore").write_text("#!/bin/sh\nexit 0\n")
    (broken / "pg_restore").chmod(0o755)

    result = backup_restore_check(postgres_cluster, tmp_path / "liaise.dump", path_first=broken)

    assert result.returncode == 1
    assert "MISMATCH public.discussion_visitorcomment" in result.stdout
    assert "FAILED" in result.stdout
