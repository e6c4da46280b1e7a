from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.roles import ADMINISTRATORS, MODERATORS

from .models import TeamMember


class TeamMemberViewSet(SnippetViewSet):
    model = TeamMember
    icon = "group"
    menu_label = _("Team")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "sort_order", "locale"]
    search_fields = ["name", "role", "organisation"]


register_snippet(TeamMemberViewSet)


@hooks.register("filter_form_submissions_for_user")
def only_moderators_read_messages(user, editable_forms):
    """Visitors' messages hold personal data: only Moderators and Administrators read them,
    as only they see commenters' addresses."""
    if user.is_superuser or user.groups.filter(name__in=[MODERATORS, ADMINISTRATORS]).exists():
        return editable_forms
    return editable_forms.none()
