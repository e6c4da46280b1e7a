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
