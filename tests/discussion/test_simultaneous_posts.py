"""The flood rule and the duplicate check hold when posts arrive at the same moment: each post
is checked under a database lock on its author (discussion.rules.lock_author), so that
concurrent requests, in one process or several, cannot all pass the checks before any saves."""

import threading

import pytest
from django.db import connections
from django.test import Client
from post_office.models import STATUS, Email

from discussion.models import CommentStatus, VisitorComment
from tests.comments import comment_post_url

SIMULTANEOUS_POSTS = 20


def post_simultaneously(page, forms, ips=("198.51.100.7",)):
    """POST each form of `forms` to the page from its own thread (and database connection),
    all released at once, from the addresses `ips` in turn; the answers' status codes."""
    barrier = threading.Barrier(len(forms))
    statuses = []

    def post(data, ip):
        try:
            client = Client()
            barrier.wait()
            statuses.append(client.post(comment_post_url(page), data, REMOTE_ADDR=ip).status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=(data, ips[number % len(ips)]))
        for number, data in enumerate(forms)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_identical_posts_at_the_same_moment_save_one_comment(news, comment_data):
    statuses = post_simultaneously(news, [comment_data()] * SIMULTANEOUS_POSTS)

    assert VisitorComment.objects.count() == 1
    assert len(statuses) == SIMULTANEOUS_POSTS  # no thread died of an error
    assert statuses.count(302) == 1
    assert set(statuses) <= {302, 200, 429}  # saved, already posted, too quick


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_different_posts_at_the_same_moment_from_one_address_save_one_comment(news, comment_data):
    forms = [comment_data(text=f"Thought number {n}.") for n in range(SIMULTANEOUS_POSTS)]

    statuses = post_simultaneously(news, forms)

    assert VisitorComment.objects.count() == 1
    assert sorted(statuses) == [302] + [429] * (SIMULTANEOUS_POSTS - 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comments_at_the_same_moment_make_one_moderators_email_with_their_count(
    news, comment_data, moderator, settings
):
    settings.COMMENTS_MODERATORS_ALERT_DELAY_SECONDS = 120
    authors = [f"Visitor {number}" for number in range(5)]
    forms = [
        comment_data(name=name, email=f"visitor{number}@example.net", text=f"Question {number}?")
        for number, name in enumerate(authors)
    ]

    statuses = post_simultaneously(news, forms, ips=[f"198.51.100.{n}" for n in range(1, 6)])

    assert statuses == [302] * 5
    assert VisitorComment.objects.filter(status=CommentStatus.PENDING).count() == 5
    [alert] = Email.objects.filter(to=[moderator.email])
    assert alert.status == STATUS.queued
    assert alert.subject == "[LIAISE 2] 5 comments await moderation"
    assert "5 visitor comments await moderation." in alert.message


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_comment_after_the_moderators_email_left_queues_a_new_one(
    news, comment_data, moderator, settings
):
    settings.COMMENTS_MODERATORS_ALERT_DELAY_SECONDS = 120
    post_simultaneously(news, [comment_data(email="first@example.net")])
    Email.objects.update(status=STATUS.sent)  # the worker delivered it

    post_simultaneously(news, [comment_data(email="second@example.net")], ips=["192.0.2.9"])

    assert list(Email.objects.order_by("pk").values_list("subject", flat=True)) == [
        "[LIAISE 2] 1 comment awaits moderation",
        "[LIAISE 2] 2 comments await moderation",
    ]
