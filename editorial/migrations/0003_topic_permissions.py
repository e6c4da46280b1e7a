"""News topics (news.Topic, a translatable snippet): editors and moderators create and rename
them in English; translators change them, which lets them edit the French translations
(localisation refuses them the English ones)."""

from django.db import migrations

from editorial.migration_helpers import grant_model_permissions
from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS

TOPIC_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "delete"],
    ADMINISTRATORS: ["add", "change", "delete"],
    TRANSLATORS: ["change"],
}


def grant_topic_permissions(apps, schema_editor):
    grant_model_permissions(apps, "news", "topic", TOPIC_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_translators"), ("news", "0005_topics")]

    operations = [migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop)]
