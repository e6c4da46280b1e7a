from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Locale

from .roles import SOURCE_TREE_WRITERS, TRANSLATION_TREE_WRITERS


# By label: editorial sits below the site's top (home/), which it must not import.
@receiver(post_save, sender="home.HomePage")
def grant_language_tree_to_its_writers(sender, instance, created, raw=False, **kwargs):
    """Editors write the English tree; translators write the others, through translation."""
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
