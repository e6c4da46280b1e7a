"""Bulk actions of the moderation queue (approve, unapprove, spam, not spam, trash, restore,
delete), on Wagtail's bulk action framework for snippets. Each calls discussion.moderation."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import VisitorComment
from .moderation import TRANSITIONS, apply_transition, delete
from .moderator_views import excerpt, listing_queryset


class CommentBulkActionMixin:
    """Moderators only; "select all in listing" means the comments the queue lists."""

    models = [VisitorComment]

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission, comment
        )

    @classmethod
    def get_queryset(cls, model, object_ids):
        comments = list(model.objects.filter(pk__in=object_ids).select_related("page"))
        if not comments:
            raise Http404
        return comments

    def get_all_objects_in_listing_query(self, parent_id):
        return listing_queryset(self.request).values_list("pk", flat=True)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}


class ModerationBulkAction(CommentBulkActionMixin, SnippetBulkAction):
    """Base of the status changes; subclasses name their `transition`."""

    permission = "change"
    template_name = "discussion/admin/confirm_bulk_moderation.html"
    transition = None
    display_name = action_type = aria_label = None

    def object_context(self, comment):
        return {
            **super().object_context(comment),
            "excerpt": excerpt(comment),
            "unchanged": not self.transition.applies_to(comment),
        }

    def get_execution_context(self):
        return {**super().get_execution_context(), "transition": self.transition}

    @classmethod
    def execute_action(cls, objects, user=None, transition=None, **kwargs):
        return len(apply_transition(transition, objects, user)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.transition.done_message % {"count": num_parent_objects}


def moderation_bulk_action(transition, priority):
    return type(
        f"{transition.name.title().replace('-', '')}CommentsBulkAction",
        (ModerationBulkAction,),
        {
            "transition": transition,
            "display_name": transition.label,
            "action_type": transition.name,
            "aria_label": transition.bulk_label,
            "action_priority": priority,
        },
    )


# The footer shows the first four; the others go under "More".
BUTTON_ORDER = ["approve", "spam", "trash", "unapprove", "not-spam", "restore"]
MODERATION_BULK_ACTIONS = [
    moderation_bulk_action(TRANSITIONS[name], priority)
    for priority, name in enumerate(BUTTON_ORDER, start=10)
]


class DeleteCommentsBulkAction(CommentBulkActionMixin, DeleteBulkAction):
    """Wagtail's snippet delete (confirmation, hooks), but through moderation.delete()."""

    permission = "delete"
    aria_label = _("Delete selected comments")
    action_priority = 90

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return delete(objects, user), 0
