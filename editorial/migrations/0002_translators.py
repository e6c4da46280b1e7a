"""Translators: into the admin and wagtail-localize's editor; their page permissions sit on the
home page of each translated language (editorial.language_trees), never on the English tree."""

from django.db import migrations

from editorial.migration_helpers import get_or_create_permission
from editorial.roles import TRANSLATORS


def create_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.set(
        [
            get_or_create_permission(apps, "wagtailadmin", "admin", "access_admin"),
            get_or_create_permission(apps, "wagtail_localize", "translation", "submit_translation"),
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_groups_and_workflow")]

    operations = [migrations.RunPython(create_translators, migrations.RunPython.noop)]
