from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .content import guide_language, guide_pages, roles_in_order

MENU_LABEL = _("Guide to this site")


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("guide/", views.guide_index, name="guide_index"),
        path("guide/<slug:slug>/", views.guide_page, name="guide_page"),
    ]


@hooks.register("register_help_menu_item")
def register_guide_help_menu_item():
    # Before Wagtail's own help items (order 1000 and up).
    return MenuItem(
        MENU_LABEL, reverse("guide_index"), name="site-guide", icon_name="help", order=900
    )


class GuidePanel(Component):
    """The dashboard's way into the guide: the tasks of the user's first role."""

    name = "guide"
    template_name = "guide/dashboard_panel.html"
    order = 300

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        first_role = roles_in_order(user)[0]
        pages = guide_pages(guide_language(get_language()))
        return {"pages": [page for page in pages if page.role == first_role]}


@hooks.register("construct_homepage_panels")
def add_guide_panel(request, panels):
    panels.append(GuidePanel())
