"""`make run`'s SQLite copes with one editor and a few visitors at once: visitors read while an
editor's save is under way, and a second writer waits for the first instead of failing with
"database is locked" (liaise/settings/base.py)."""

import json
import os
import subprocess
import sys

from django.conf import settings

SCRIPT = """
import json, threading, time
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS note (text TEXT)")
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
connection.close()

writing = threading.Event()

def long_save():
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('a slow upload')")
        writing.set()
        time.sleep(1.5)
    connection.close()

editor = threading.Thread(target=long_save)
editor.start()
writing.wait()
started = time.monotonic()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM note")  # a visitor reads during the save
read_seconds = time.monotonic() - started
with transaction.atomic():  # a second save, which reads before it writes, as Django's do
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM note")
        cursor.execute("INSERT INTO note VALUES ('a second save')")
editor.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM note")
    notes = cursor.fetchone()[0]
print(json.dumps({"journal_mode": journal_mode, "read_seconds": read_seconds, "notes": notes}))
"""


def test_sqlite_readers_never_wait_for_a_writer_and_writers_wait_in_turn(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "liaise.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["journal_mode"] == "wal"
    assert outcome["read_seconds"] < 1
    assert outcome["notes"] == 2
