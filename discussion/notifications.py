"""E-mails about visitor comments: the moderation queue to moderators, approval to the author
(which WordPress does not send), and replies to authors who asked for them."""

from datetime import timedelta
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
from post_office import mail as post_office_mail
from post_office.models import STATUS, Email

from editorial.roles import MODERATORS

from .models import CommentStatus, ModeratorsAlert, VisitorComment
from .rules import lock_names

UNSUBSCRIBE_SALT = "discussion.unsubscribe"
# Automatic mail (RFC 3834), as Wagtail marks its own: no out-of-office replies to it.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}
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


@transaction.atomic
def notify_moderators_of_pending_comments():
    """One e-mail for a burst of comments: it waits in the queue a little
    (COMMENTS_MODERATORS_ALERT_DELAY_SECONDS), and the comments posted meanwhile update its
    count rather than queue one each (five at once sent five, counting 6, 5, 8, 8, 9)."""
    lock_names("moderators-alert")  # posts at the same moment, one after the other
    waiting = VisitorComment.objects.filter(status=CommentStatus.PENDING).count()
    recipients = moderator_addresses()
    if not waiting or not recipients:
        return
    context = {"waiting": waiting, "queue_url": absolute(reverse(QUEUE_URL_NAME))}
    subject, body = render_mail("discussion/emails/moderators_pending", context)
    alert = ModeratorsAlert.objects.filter(
        email__status=STATUS.queued, email__scheduled_time__gt=timezone.now()
    ).first()
    if alert is None:
        email = post_office_mail.send(
            recipients,
            settings.DEFAULT_FROM_EMAIL,
            subject=subject,
            message=body,
            headers=AUTOMATIC,
            scheduled_time=timezone.now()
            + timedelta(seconds=settings.COMMENTS_MODERATORS_ALERT_DELAY_SECONDS),
        )
        if email.status == STATUS.queued:  # development sends mail at once
            ModeratorsAlert.objects.create(email=email)
        return
    Email.objects.filter(pk=alert.email_id).update(to=recipients, subject=subject, message=body)


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


def render_mail(template, context):
    """(subject, body) of the mail `template` (a .txt and a _subject.txt)."""
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    return subject, render_to_string(f"{template}.txt", context)


def send(recipients, template, context):
    subject, body = render_mail(template, context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, headers=AUTOMATIC).send()
