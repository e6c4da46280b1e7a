"""Documents uploaded before they were kept apart (core/storage.py) move from the public media
to the private documents' storage, under the same name. Run again, it moves nothing."""

from django.core.files.storage import storages
from django.db import migrations

from core.storage import PRIVATE_ALIAS, PUBLIC_ALIAS


def move_documents_to_private_storage(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    public, private = storages[PUBLIC_ALIAS], storages[PRIVATE_ALIAS]
    for name in Document.objects.values_list("file", flat=True):
        if not public.exists(name):
            continue
        if not private.exists(name):  # else a move cut short: the private copy is the one read
            with public.open(name) as content:
                private.save(name, content)
        public.delete(name)


class Migration(migrations.Migration):
    dependencies = [("wagtaildocs", "0014_alter_document_file_size")]

    operations = [
        migrations.RunPython(move_documents_to_private_storage, migrations.RunPython.noop),
    ]
