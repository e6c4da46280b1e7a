"""The `french_unaccent` text search configuration: French stemming after removing accents, so
that "seminaires", "séminaire" and "Seminaire" all match "Séminaire" (see search/backends.py).

PostgreSQL only; nothing happens on other databases, in either direction. (Django's
UnaccentExtension would do the extension part, but its reverse runs on SQLite too and fails.)
"""

from django.db import migrations

from search.sql import run_on_postgresql

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    # Words with non-ASCII letters; ASCII-only words keep the french_stem mapping of the copy.
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent"
    " ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
]
DROP = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
    "DROP EXTENSION IF EXISTS unaccent",
]


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
