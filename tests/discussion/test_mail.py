"""E-mails about comments are queued, never sent in the request; what visitors typed reaches the
mail as they typed it; and comments and approvals go on whatever becomes of the mail."""

import pytest
from django.core import mail
from post_office.models import STATUS, Email

from discussion import moderation
from discussion.models import CommentStatus, VisitorComment
from discussion.thread import JUST_POSTED_SESSION_KEY
from tests.comments import comment_post_url
from tests.factories import VisitorCommentFactory
from tests.smtp_server import free_port

pytestmark = pytest.mark.django_db


def post_comment(client, page, data):
    return client.post(comment_post_url(page), data, REMOTE_ADDR="198.51.100.7")


def test_a_comment_queues_the_moderators_email_instead_of_sending_it(
    client, news, comment_data, moderator, django_capture_on_commit_callbacks, deliver_mail
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, news, comment_data())

    assert mail.outbox == []
    assert list(Email.objects.values_list("to", "status")) == [(["mod@example.org"], STATUS.queued)]
    [delivered] = deliver_mail()
    assert delivered.to == ["mod@example.org"]
    assert delivered.extra_headers["Auto-Submitted"] == "auto-generated"
    assert Email.objects.get().status == STATUS.sent


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert('Ana & Bo')</script>",
        "Ana {{ comment.author_email }}",
        "Ana {% now 'Y' %}",
        "Ana {% endverbatim %}",
    ],
)
def test_plain_text_mail_shows_names_as_typed(
    news, moderator, name, django_capture_on_commit_callbacks, deliver_mail
):
    parent = VisitorCommentFactory(page=news, notify_of_replies=True, author_email="bo@example.net")
    reply = VisitorCommentFactory(
        page=news,
        parent=parent,
        author_name=name,
        author_email="ana@example.net",
        status=CommentStatus.PENDING,
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderation.moderate([reply], CommentStatus.APPROVED, moderator)

    bodies = {message.to[0]: message.body for message in deliver_mail()}
    assert f"Hello {name}," in bodies["ana@example.net"]
    assert f"{name} replied to your comment" in bodies["bo@example.net"]


@pytest.fixture
def unreachable_mail_server(settings):
    """Mail sent at once (no queue) to a port where nothing listens: every send raises."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()


def test_a_comment_gets_its_answer_even_if_its_mail_cannot_go(
    client,
    news,
    comment_data,
    moderator,
    unreachable_mail_server,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, news, comment_data())

    comment = VisitorComment.objects.get()
    assert response.status_code == 302
    assert client.session[JUST_POSTED_SESSION_KEY] == comment.pk


def test_an_approval_shows_the_comment_even_if_its_mail_cannot_go(
    client,
    moderator_client,
    settings,
    news,
    unreachable_mail_server,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_ENABLED = True
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING, text="Well said.")
    reader = type(client)()
    reader.get(news.url)  # the page is now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"/admin/visitor-comments/moderate/{comment.pk}/approve/")

    assert response.status_code == 302
    assert "Well said." in reader.get(news.url).content.decode()
