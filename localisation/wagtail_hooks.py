from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .status import statuses_needing_attention

DASHBOARD_LIMIT = 10


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translations/<int:translation_id>/submit-for-moderation/",
            views.submit_for_moderation,
            name="localisation_submit_for_moderation",
        ),
        path(
            "reports/translation-status/",
            views.translation_status_report,
            name="localisation_translation_status",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_follow_translations(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("localisation_translation_status"),
        icon_name="site",
        order=700,
    )


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
        }


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if views.can_follow_translations(request.user):
        panels.append(TranslationStatusPanel())
