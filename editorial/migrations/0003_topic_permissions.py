"""News topics (news.Topic, a translatable snippet): editors and moderators create and rename
them in English; translators change them, which lets them edit the French translations
(localisation refuses them the English ones)."""

from django.db import migrations

from editorial.migration_helpers import get_or_create_permission
from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS

TOPIC_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "delete"],
    ADMINISTRATORS: ["add", "change", "delete"],
    TRANSLATORS: ["change"],
}


def grant_topic_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in TOPIC_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        group.permissions.add(
            *(
                get_or_create_permission(apps, "news", "topic", f"{action}_topic")
                for action in actions
            )
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_translators"), ("news", "0005_topics")]

    operations = [migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop)]
