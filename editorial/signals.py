from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Locale

from home.models import HomePage

from .roles import EDITOR_PAGE_PERMISSIONS, EDITORS


@receiver(post_save, sender=HomePage)
def let_editors_write_the_source_language_tree(sender, instance, created, raw=False, **kwargs):
    """Editors write English (source) pages only; other languages come through translation."""
    if raw or not created or instance.locale_id != Locale.get_default().pk:
        return
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=instance,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            ),
        )
