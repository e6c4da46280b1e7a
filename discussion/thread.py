"""What a comment section shows: approved comments as a tree, plus the visitor's own comments
still awaiting moderation (remembered in their session, shown to them only)."""

from dataclasses import dataclass, field

from django.db.models import Q

from .models import CommentStatus, VisitorComment

OWN_COMMENTS_SESSION_KEY = "discussion_own_comments"
JUST_POSTED_SESSION_KEY = "discussion_just_posted"


@dataclass
class CommentNode:
    comment: VisitorComment
    replies: list = field(default_factory=list)

    @property
    def awaiting_moderation(self):
        return self.comment.status != CommentStatus.APPROVED


def remember_own_comment(request, comment):
    request.session[OWN_COMMENTS_SESSION_KEY] = [
        *request.session.get(OWN_COMMENTS_SESSION_KEY, []),
        comment.pk,
    ]
    request.session[JUST_POSTED_SESSION_KEY] = comment.pk


def visible_comments(page, request):
    """Comments of this page the visitor may see, oldest first."""
    own = request.session.get(OWN_COMMENTS_SESSION_KEY, []) if hasattr(request, "session") else []
    visible = Q(status=CommentStatus.APPROVED) | Q(
        pk__in=own, status__in=[CommentStatus.PENDING, CommentStatus.SPAM]
    )
    return VisitorComment.objects.filter(visible, page=page).order_by("created_at", "pk")


def build_tree(comments):
    """Top-level comments with their replies nested; a reply whose parent is hidden is left out.
    Each comment learns its depth in the thread here, rather than by loading its parents one
    query at a time (VisitorComment.depth)."""
    nodes = {comment.pk: CommentNode(comment) for comment in comments}
    roots = []
    for node in nodes.values():
        parent_id = node.comment.parent_id
        if parent_id is None:
            roots.append(node)
        elif parent_id in nodes:
            nodes[parent_id].replies.append(node)
    set_depths(roots, 1)
    return roots


def set_depths(nodes, depth):
    for node in nodes:
        node.comment.thread_depth = depth
        set_depths(node.replies, depth + 1)
