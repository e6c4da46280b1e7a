"""End to end with a real SMTP server: visitors' comments and moderators' approvals queue their
e-mails, the worker (send_queued_mail) delivers them, and while the mail server is down nothing
but the mail waits."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from post_office.models import STATUS, Email

from discussion.models import CommentStatus, VisitorComment
from tests.comments import comment_post_url

# Committed for real, as in production: the worker reads what the requests committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def post_comment(visitor, page, data):
    return visitor.post(comment_post_url(page), data, REMOTE_ADDR="198.51.100.7")


def approve(moderator_client, comment):
    return moderator_client.post(f"/admin/visitor-comments/moderate/{comment.pk}/approve/")


def run_worker():
    call_command("send_queued_mail")


def after_the_retry_interval():
    return time_machine.travel(
        timezone.now() + settings.POST_OFFICE["RETRY_INTERVAL"] + datetime.timedelta(minutes=1)
    )


def test_moderators_and_then_the_author_get_their_mail_through_smtp(
    smtp_server, news, comment_data, moderator, moderator_client
):
    post_comment(Client(), news, comment_data())
    sent_during_the_request = list(smtp_server.received())
    run_worker()
    to_moderators = list(smtp_server.received())
    comment = VisitorComment.objects.get()
    approve(moderator_client, comment)
    run_worker()

    assert sent_during_the_request == []
    [(recipient, body)] = to_moderators
    assert recipient == "mod@example.org"
    assert "1 visitor comment awaits moderation." in body
    [_, (recipient, body)] = smtp_server.received()
    assert recipient == "ana@example.net"
    assert f"{news.full_url}#comment-{comment.pk}" in body


def test_while_the_mail_server_is_down_comments_and_approvals_go_on_and_mail_goes_out_later(
    smtp_server, settings, news, comment_data, moderator, moderator_client
):
    settings.PAGE_CACHE_ENABLED = True
    reader, visitor = Client(), Client()
    reader.get(news.url)  # the page is now in the page cache
    smtp_server.stop()

    posted = post_comment(visitor, news, comment_data())
    own_view = visitor.get(news.url).content.decode()
    run_worker()
    comment = VisitorComment.objects.get()
    approved = approve(moderator_client, comment)
    public_view = reader.get(news.url).content.decode()
    run_worker()
    failures = list(Email.objects.values_list("status", "number_of_retries"))

    assert posted.status_code == 302
    assert "awaiting moderation" in own_view
    assert approved.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert "Very useful seminar" in public_view
    assert failures == [(STATUS.requeued, 1), (STATUS.requeued, 1)]

    smtp_server.start()
    run_worker()
    assert smtp_server.received() == []  # each waits for its retry time
    with after_the_retry_interval():
        run_worker()
        run_worker()

    assert sorted(recipient for recipient, _body in smtp_server.received()) == [
        "ana@example.net",
        "mod@example.org",
    ]
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}
