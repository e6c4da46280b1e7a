"""Helpers for the data migrations, written against the historical `apps` registry."""


def get_or_create_permission(apps, app_label, model, codename):
    """The permission, created if a migration needs it before Django's post-migrate step."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def grant_model_permissions(apps, app_label, model, actions_by_group):
    """Give each group ({name: ["add", "change", …]}) those permissions on the model."""
    Group = apps.get_model("auth", "Group")
    for name, actions in actions_by_group.items():
        Group.objects.get(name=name).permissions.add(
            *(
                get_or_create_permission(apps, app_label, model, f"{action}_{model}")
                for action in actions
            )
        )
