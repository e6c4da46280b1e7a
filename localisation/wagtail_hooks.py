from copy import copy

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

from . import views
from .choosers import pages_in_the_edited_language
from .moderation import user_can_approve
from .status import statuses_needing_attention

DASHBOARD_LIMIT = 10
WORK_LIST_MENU_NAME = "translations"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translations/<int:translation_id>/submit-for-moderation/",
            views.submit_for_moderation,
            name="localisation_submit_for_moderation",
        ),
        path(
            "translations/<int:translation_id>/approve/",
            views.approve_and_publish,
            name="localisation_approve_and_publish",
        ),
        path(
            "translations/start/<int:page_id>/<str:language_code>/",
            views.start_translation,
            name="localisation_start_translation",
        ),
        path(
            "reports/translation-status/",
            views.translation_status_report,
            name="localisation_translation_status",
        ),
    ]


class WorkListMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_follow_translations(request.user)


# Before wagtail-localize's URLs (order 0): the same addresses, for publishers only.
@hooks.register("register_admin_urls", order=-1)
def guard_wagtail_localize_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/disable/",
            views.guarded_stop_translation,
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.guarded_convert_to_alias,
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_work_list_menu_item():
    return WorkListMenuItem(
        _("Translations"),
        reverse("localisation_translation_status"),
        name=WORK_LIST_MENU_NAME,
        icon_name="site",
        order=250,
    )


@hooks.register("construct_main_menu")
def show_work_count_in_menu(request, menu_items):
    """The menu item reads "Translations (4)" while pages wait for a translator: a copy of the
    item for this request, since menu items are shared between requests."""
    for index, item in enumerate(menu_items):
        if item.name == WORK_LIST_MENU_NAME:
            if count := len(statuses_needing_attention()):
                labelled = copy(item)
                labelled.label = gettext("Translations (%(count)s)") % {"count": count}
                menu_items[index] = labelled
            return


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "localisation/translation_status_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        statuses = statuses_needing_attention()
        return {
            "statuses": statuses[:DASHBOARD_LIMIT],
            "more": len(statuses) - DASHBOARD_LIMIT,
            "request": parent_context["request"],
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if views.can_follow_translations(request.user):
        panels.append(TranslationStatusPanel())


def enabled_translation_of(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


# Before wagtail-localize's own hook (order 0), which publishes directly.
@hooks.register("before_edit_page", order=-1)
def publish_reviewed_translation_through_its_workflow(request, page):
    """ "Publish" in the translation editor of a page in review approves the review task, so
    that History records the approval and the page leaves "Awaiting your review"."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = enabled_translation_of(page)
    if translation is None or not user_can_approve(page.specific, request.user):
        return None
    return views.approve_and_publish(request, translation.pk)


@hooks.register("before_delete_page")
def keep_translated_pages_from_those_who_cannot_publish(request, page):
    """Translators write translations, they do not remove them: Wagtail lets anyone who may
    edit a page delete its unpublished draft."""
    if enabled_translation_of(page) and not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


@hooks.register("before_edit_snippet", order=-1)
def keep_source_snippets_from_translators(request, instance):
    """Those who may not add a translatable snippet (translators, for news topics) may edit
    its translations, not the English original."""
    if not isinstance(instance, TranslatableMixin):
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    if not request.user.has_perm(get_permission_name("add", type(instance))):
        raise PermissionDenied


hooks.register("construct_page_chooser_queryset", pages_in_the_edited_language)
