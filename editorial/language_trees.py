from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale

from .roles import SOURCE_TREE_WRITERS, TRANSLATION_TREE_WRITERS


def grant_language_tree_to_its_writers(sender, instance, created, raw=False, **kwargs):
    """post_save of a home page (connected by home, which owns the sender): editors write the
    English tree; translators write the others, through translation."""
    if raw or not created:
        return
    is_source = instance.locale_id == Locale.get_default().pk
    group_name, codenames = SOURCE_TREE_WRITERS if is_source else TRANSLATION_TREE_WRITERS
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            ),
        )
