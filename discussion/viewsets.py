from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import VisitorComment


class VisitorCommentViewSet(SnippetViewSet):
    """The moderation queue of visitor comments."""

    model = VisitorComment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "visitor-comments"
    list_display = ["author_name", "text", "page", "status", "created_at"]
    list_filter = ["status"]
