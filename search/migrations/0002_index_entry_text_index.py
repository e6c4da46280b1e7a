"""A GIN index on what Wagtail's PostgreSQL backend searches: it matches the query against
`title || body` of the index entries, which its own indexes (one on each) do not serve, so that
every search read the whole table. PostgreSQL only, like 0001."""

from django.db import migrations

from search.sql import run_on_postgresql

CREATE = [
    "CREATE INDEX IF NOT EXISTS liaise_indexentry_text"
    " ON wagtailsearch_indexentry USING gin ((title || body))"
]
DROP = ["DROP INDEX IF EXISTS liaise_indexentry_text"]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_french_unaccent_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
