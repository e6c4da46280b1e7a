from copy import copy

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from .bulk_actions import MODERATION_BULK_ACTIONS, DeleteCommentsBulkAction
from .forms import refresh_form_times
from .models import CommentStatus, VisitorComment
from .moderation import REPLY_LOG_ACTION, STATUS_LOG_ACTIONS, transitions_for
from .moderator_views import (
    VisitorCommentViewSet,
    can_moderate,
    can_reply_to,
    excerpt,
    pending_count,
)
from .notifications import QUEUE_URL_NAME

DASHBOARD_LIMIT = 5

comment_viewset = VisitorCommentViewSet()
register_snippet(comment_viewset)

for bulk_action in MODERATION_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
# After Wagtail's own delete action for every snippet, so that this one replaces it here.
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)


@hooks.register("register_snippet_listing_buttons")
def comment_listing_buttons(snippet, user, next_url=None):
    """Row actions, all in the row's "More options" menu as in Wagtail's own listings (inline
    buttons wrapped or were cut at phone width). They POST (Wagtail's w-action controller) and
    come back to the queue as it was."""
    if not isinstance(snippet, VisitorComment) or not can_moderate(user):
        return []
    buttons = []
    for index, transition in enumerate(transitions_for(snippet)):
        buttons.append(
            Button(
                transition.label,
                attrs={
                    "data-controller": "w-action",
                    "data-action": "w-action#post",
                    "data-w-action-url-value": comment_viewset.moderate_url(snippet, transition),
                },
                priority=index,
            )
        )
    if can_reply_to(snippet):
        buttons.append(
            Button(_("Reply"), url=comment_viewset.reply_url(snippet), icon_name="comment")
        )
    if snippet.status == CommentStatus.APPROVED and (page_url := snippet.page.url):
        buttons.append(
            Button(
                _("View on page"),
                url=f"{page_url}#comment-{snippet.pk}",
                icon_name="link-external",
                attrs={"target": "_blank", "rel": "noreferrer"},
            )
        )
    return buttons


class StatusChangeFormatter(LogFormatter):
    """History line of a status change, with the status it had before."""

    def format_message(self, log_entry):
        previous = log_entry.data.get("from", "")
        previous_label = dict(CommentStatus.choices).get(previous, previous)
        return self.message % {"previous": previous_label}


STATUS_LOG_TEXTS = {
    CommentStatus.APPROVED: (_("Approve comment"), _("Approved (was %(previous)s)")),
    CommentStatus.PENDING: (
        _("Set comment to pending"),
        _("Set to pending (was %(previous)s)"),
    ),
    CommentStatus.SPAM: (_("Mark comment as spam"), _("Marked as spam (was %(previous)s)")),
    CommentStatus.TRASH: (_("Trash comment"), _("Moved to the trash (was %(previous)s)")),
}


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for status, (label, message) in STATUS_LOG_TEXTS.items():
        actions.register_action(STATUS_LOG_ACTIONS[status])(
            type(
                "StatusChangeFormatter",
                (StatusChangeFormatter,),
                {"label": label, "message": message},
            )
        )
    actions.register_action(REPLY_LOG_ACTION, _("Reply from the site"), _("Replied from the admin"))


@hooks.register("construct_main_menu")
def show_pending_count_in_menu(request, menu_items):
    """The menu item reads "Comments (3)" while comments wait: a copy of the item for this
    request, since menu items are shared between requests."""
    for index, item in enumerate(menu_items):
        if item.name == VisitorCommentViewSet.menu_name:
            if count := pending_count():
                labelled = copy(item)
                labelled.label = gettext("Comments (%(count)s)") % {"count": count}
                menu_items[index] = labelled
            return


class PendingCommentsPanel(Component):
    name = "pending_comments"
    template_name = "discussion/admin/pending_comments_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        pending = VisitorComment.objects.filter(status=CommentStatus.PENDING)
        latest = pending.select_related("page").order_by("-created_at", "-pk")[:DASHBOARD_LIMIT]
        return {
            "count": pending.count(),
            "latest": [{"comment": c, "excerpt": excerpt(c)} for c in latest],
            "queue_url": reverse(QUEUE_URL_NAME),
            "edit_url_name": comment_viewset.get_url_name("edit"),
            "request": parent_context["request"],
        }


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if can_moderate(request.user):
        panels.append(PendingCommentsPanel())


@hooks.register("before_serve_cached_page")
def refresh_comment_form_time(request, response):
    """A page from the page cache gets a comment form time stamped now (pagecache/)."""
    response.content = refresh_form_times(response.content)
    return response
