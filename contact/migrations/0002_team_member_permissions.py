"""Team members (contact.TeamMember, a translatable snippet): editors and moderators add and
change them in English; translators change them, which lets them edit the French translations
(localisation refuses them the English ones), as for news topics."""

from django.db import migrations

from editorial.migration_helpers import grant_model_permissions
from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS

TEAM_MEMBER_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "delete"],
    ADMINISTRATORS: ["add", "change", "delete"],
    TRANSLATORS: ["change"],
}


def grant_team_member_permissions(apps, schema_editor):
    grant_model_permissions(apps, "contact", "teammember", TEAM_MEMBER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("contact", "0001_initial"), ("editorial", "0003_topic_permissions")]

    operations = [migrations.RunPython(grant_team_member_permissions, migrations.RunPython.noop)]
