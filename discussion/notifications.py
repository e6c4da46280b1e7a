"""E-mails about visitor comments: the moderation queue to moderators, approval to the author
(which WordPress does not send), and replies to authors who asked for them."""

from functools import partial, update_wrapper

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from editorial.roles import MODERATORS

from .models import CommentStatus, VisitorComment

UNSUBSCRIBE_SALT = "discussion.unsubscribe"
QUEUE_URL_NAME = "wagtailsnippets_discussion_visitorcomment:list"


def notify_after_commit(notify, *args):
    """Call notify(*args) once the transaction commits. Should it fail (the mail cannot even be
    queued), the error is logged and the visitor or moderator still gets their answer."""
    # Named after notify, which Django's log of the failure needs (a bare partial has no name).
    transaction.on_commit(update_wrapper(partial(notify, *args), notify), robust=True)


def absolute(path):
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def moderator_addresses():
    moderators = get_user_model().objects.filter(
        Q(groups__name=MODERATORS) | Q(is_superuser=True), is_active=True
    )
    return sorted(set(moderators.exclude(email="").values_list("email", flat=True)))


def notify_moderators_of_pending_comments():
    waiting = VisitorComment.objects.filter(status=CommentStatus.PENDING).count()
    recipients = moderator_addresses()
    if not waiting or not recipients:
        return
    context = {"waiting": waiting, "queue_url": absolute(reverse(QUEUE_URL_NAME))}
    send(recipients, "discussion/emails/moderators_pending", context)


def notify_author_of_approval(comment):
    """Once per comment: tell its author it is now public."""
    if comment.author_notified_at or comment.is_site_reply:
        return
    with translation.override(comment.page.locale.language_code):
        context = {"comment": comment, "comment_url": comment_url(comment)}
        send([comment.author_email], "discussion/emails/author_approved", context)
    comment.author_notified_at = timezone.now()
    comment.save(update_fields=["author_notified_at"])


def notify_parent_author_of_reply(reply):
    parent = reply.parent
    if not parent or not parent.notify_of_replies or parent.author_email == reply.author_email:
        return
    with translation.override(parent.page.locale.language_code):
        context = {
            "reply": reply,
            "comment_url": comment_url(reply),
            "unsubscribe_url": absolute(
                reverse("discussion_unsubscribe", args=[unsubscribe_token(parent.author_email)])
            ),
        }
        send([parent.author_email], "discussion/emails/reply_posted", context)


def comment_url(comment):
    return f"{comment.page.specific.full_url}#comment-{comment.pk}"


def unsubscribe_token(email):
    return signing.dumps(email.lower(), salt=UNSUBSCRIBE_SALT)


def email_from_unsubscribe_token(token):
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def send(recipients, template, context):
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    # Automatic mail (RFC 3834), as Wagtail marks its own: no out-of-office replies to it.
    headers = {"Auto-Submitted": "auto-generated"}
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, headers=headers).send()
