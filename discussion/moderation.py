"""The moderation side of visitor comments. Every change of status, whatever the path (bulk
action, row button, edit form), goes through moderate(); every deletion through delete(); and
both invalidate the cached copies of the pages whose public thread changed."""

from dataclasses import dataclass
from email.utils import parseaddr
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from wagtail.log_actions import log

from pagecache.versions import renew

from .models import CommentStatus, VisitorComment
from .notifications import (
    notify_after_commit,
    notify_author_of_approval,
    notify_parent_author_of_reply,
)
from .pages import comments_part

SITE_REPLY_AUTHOR = "LIAISE 2"
REPLY_LOG_ACTION = "discussion.reply"
# The log action written for each new status; its data holds the previous status.
STATUS_LOG_ACTIONS = {
    CommentStatus.APPROVED: "discussion.approve",
    CommentStatus.PENDING: "discussion.pending",
    CommentStatus.SPAM: "discussion.spam",
    CommentStatus.TRASH: "discussion.trash",
}


@dataclass(frozen=True)
class Transition:
    """A moderation action offered as a bulk action and a row button."""

    name: str
    status: str
    label: str
    bulk_label: str  # for screen readers, on the bulk action button
    done_message: str  # ngettext_lazy with a %(count)d placeholder
    # The statuses it applies to; None: every other status.
    sources: tuple | None = None

    def applies_to(self, comment):
        if self.sources is None:
            return comment.status != self.status
        return comment.status in self.sources


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            "approve",
            CommentStatus.APPROVED,
            pgettext_lazy("moderation action", "Approve"),
            _("Approve selected comments"),
            ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count"),
        ),
        Transition(
            "unapprove",
            CommentStatus.PENDING,
            pgettext_lazy("moderation action", "Unapprove"),
            _("Set selected comments back to pending"),
            ngettext_lazy(
                "%(count)d comment set back to pending.",
                "%(count)d comments set back to pending.",
                "count",
            ),
            sources=(CommentStatus.APPROVED,),
        ),
        Transition(
            "spam",
            CommentStatus.SPAM,
            pgettext_lazy("moderation action", "Spam"),
            _("Mark selected comments as spam"),
            ngettext_lazy(
                "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
            ),
        ),
        Transition(
            "not-spam",
            CommentStatus.PENDING,
            pgettext_lazy("moderation action", "Not spam"),
            _("Mark selected comments as not spam"),
            ngettext_lazy(
                "%(count)d comment is not spam and is pending again.",
                "%(count)d comments are not spam and are pending again.",
                "count",
            ),
            sources=(CommentStatus.SPAM,),
        ),
        Transition(
            "trash",
            CommentStatus.TRASH,
            pgettext_lazy("moderation action", "Trash"),
            _("Move selected comments to the trash"),
            ngettext_lazy(
                "%(count)d comment moved to the trash.",
                "%(count)d comments moved to the trash.",
                "count",
            ),
        ),
        Transition(
            "restore",
            CommentStatus.PENDING,
            pgettext_lazy("moderation action", "Restore"),
            _("Restore selected comments from the trash"),
            ngettext_lazy(
                "%(count)d comment restored from the trash.",
                "%(count)d comments restored from the trash.",
                "count",
            ),
            sources=(CommentStatus.TRASH,),
        ),
    ]
}


def transitions_for(comment):
    """The transitions a row button may offer for this comment, WordPress-style."""
    offered = {
        CommentStatus.PENDING: ["approve", "spam", "trash"],
        CommentStatus.APPROVED: ["unapprove", "spam", "trash"],
        CommentStatus.SPAM: ["not-spam", "trash"],
        CommentStatus.TRASH: ["restore"],
    }[comment.status]
    return [TRANSITIONS[name] for name in offered]


def apply_transition(transition, comments, user):
    """The comments the transition applies to get its status; returns those changed."""
    return moderate([c for c in comments if transition.applies_to(c)], transition.status, user)


def moderate(comments, new_status, user):
    """Give these comments `new_status`: save, log who did it, and once the transaction commits
    purge the cached pages whose public thread changed, then tell authors of newly approved
    comments (and the author replied to, if asked). Returns the comments whose status changed.
    `user` None: the site's own rules approved a comment as it was posted (History says so); its
    author, who sees it at once, gets no e-mail about it."""
    changed = []
    for comment in comments:
        previous = comment.status
        if previous == new_status:
            continue
        comment.set_status(new_status)
        comment.save(update_fields=["status", "status_changed_at"])
        log(
            comment,
            STATUS_LOG_ACTIONS[new_status],
            user=user,
            data={"from": previous, "to": new_status},
        )
        changed.append((comment, previous))
    public_changes = [
        c for c, previous in changed if CommentStatus.APPROVED in (previous, new_status)
    ]
    # The page first: whatever becomes of the e-mails, the thread shown is the new one.
    purge_caches_on_commit(public_changes)
    if new_status == CommentStatus.APPROVED:
        for comment, _previous in changed:
            notify_after_commit(announce_approval, comment, user is not None)
    return [comment for comment, _previous in changed]


def announce_approval(comment, tell_author):
    if tell_author:
        notify_author_of_approval(comment)
    if comment.parent_id:
        notify_parent_author_of_reply(comment)


def delete(comments, user):
    """Delete these comments (and their replies), logging who did it."""
    comments = list(comments)
    for comment in comments:
        log(comment, "wagtail.delete", user=user, deleted=True)
    purge_caches_on_commit([c for c in comments if c.status == CommentStatus.APPROVED])
    VisitorComment.objects.filter(pk__in=[c.pk for c in comments]).delete()
    return len(comments)


def post_site_reply(parent, text, user):
    """A reply from the LIAISE 2 team, published at once under `parent`."""
    reply = VisitorComment.objects.create(
        page=parent.page,
        parent=parent,
        author_name=SITE_REPLY_AUTHOR,
        author_email=site_reply_email(user),
        text=text.strip(),
        is_site_reply=True,
        status=CommentStatus.PENDING,
    )
    log(reply, "wagtail.create", user=user)
    log(parent, REPLY_LOG_ACTION, user=user, data={"reply": reply.pk})
    moderate([reply], CommentStatus.APPROVED, user)
    return reply


def site_reply_email(user):
    """The site's sending address, or the moderator's if the site has none configured."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address or user.email


def purge_caches_on_commit(comments):
    pages = {comment.page_id: comment.page for comment in comments}
    if pages:
        transaction.on_commit(partial(purge_page_caches, list(pages.values())))


def purge_page_caches(pages):
    """Renew the pages' comments in the page cache (pagecache/versions.py: their copies, and
    theirs only, are made again) and, when the site has one, drop the pages from the front-end
    cache (CDN)."""
    for page in pages:
        renew(comments_part(page))
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    for page in pages:
        purge_page_from_cache(page.specific)
