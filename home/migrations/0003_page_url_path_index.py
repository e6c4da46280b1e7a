from django.db import migrations

# Wagtail's page table has no index on url_path; home/routing.py finds a page by its url_path.
CREATE = "CREATE INDEX IF NOT EXISTS liaise_page_url_path ON wagtailcore_page (url_path)"
DROP = "DROP INDEX IF EXISTS liaise_page_url_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_image_alt_text"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
