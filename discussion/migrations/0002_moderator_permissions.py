"""Moderators and Administrators moderate visitor comments; Editors and Translators do not, so
they never see commenters' e-mail or IP addresses."""

from django.db import migrations

from editorial.migration_helpers import get_or_create_permission
from editorial.roles import ADMINISTRATORS, MODERATORS

COMMENT_PERMISSIONS = [f"{action}_visitorcomment" for action in ("add", "change", "delete", "view")]


def grant_comment_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = [
        get_or_create_permission(apps, "discussion", "visitorcomment", codename)
        for codename in COMMENT_PERMISSIONS
    ]
    for name in (MODERATORS, ADMINISTRATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke_comment_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="discussion", codename__in=COMMENT_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=(MODERATORS, ADMINISTRATORS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("editorial", "0002_translators"),
    ]

    operations = [migrations.RunPython(grant_comment_permissions, revoke_comment_permissions)]
