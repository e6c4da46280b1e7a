"""The flood rule and the duplicate check hold when posts arrive at the same moment: each post
is checked under a database lock on its author (discussion.rules.lock_author), so that
concurrent requests, in one process or several, cannot all pass the checks before any saves."""

import threading

import pytest
from django.db import connections
from django.test import Client

from discussion.models import VisitorComment
from tests.comments import comment_post_url

SIMULTANEOUS_POSTS = 20


def post_simultaneously(page, forms, ip="198.51.100.7"):
    """POST each form of `forms` to the page from its own thread (and database connection),
    all released at once; the answers' status codes."""
    barrier = threading.Barrier(len(forms))
    statuses = []

    def post(data):
        try:
            client = Client()
            barrier.wait()
            statuses.append(client.post(comment_post_url(page), data, REMOTE_ADDR=ip).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(data,)) for data in forms]
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
