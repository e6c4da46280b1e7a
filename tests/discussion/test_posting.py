import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import signing
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussion.forms import TIMESTAMP_SALT
from discussion.models import CommentSettings, CommentStatus, VisitorComment
from discussion.moderation import moderate
from editorial.roles import MODERATORS
from tests.comments import comment_post_url
from tests.factories import (
    EventIndexPageFactory,
    SeminarPageFactory,
    UserFactory,
    VisitorCommentFactory,
)

pytestmark = pytest.mark.django_db


def post(client, page, data, ip="198.51.100.7"):
    return client.post(comment_post_url(page), data, REMOTE_ADDR=ip)


def an_hour_ago():
    return timezone.now() - datetime.timedelta(hours=1)


def test_new_comment_awaits_moderation_and_redirects_back(client, news, comment_data):
    response = post(client, news, comment_data())

    comment = VisitorComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert response.status_code == 302
    assert response.url == f"{news.url}#comment-{comment.pk}"


def test_pending_comment_is_shown_to_its_author_only(client, news, comment_data):
    post(client, news, comment_data())

    own_view = client.get(news.url).content.decode()
    other_view = type(client)().get(news.url).content.decode()

    assert "Very useful seminar" in own_view
    assert "awaiting moderation" in own_view
    assert "Very useful seminar" not in other_view


def test_thread_kept_for_other_visitors_never_hides_nor_leaks_a_pending_comment(
    client, news, comment_data
):
    VisitorCommentFactory(page=news, text="Approved earlier.")
    other_visitor = type(client)()
    before = other_visitor.get(news.url).content.decode()  # the shared thread is now kept

    post(client, news, comment_data())
    own_view = client.get(news.url).content.decode()
    other_view = other_visitor.get(news.url).content.decode()

    assert "Approved earlier." in before
    assert "Very useful seminar" in own_view
    assert "Approved earlier." in own_view
    assert "Very useful seminar" not in other_view
    assert "Approved earlier." in other_view


def stamp_in(html):
    stamp = html.split('name="form_time" value="', 1)[1].split('"', 1)[0]
    return signing.loads(stamp, salt=TIMESTAMP_SALT)


def test_the_comment_section_kept_for_visitors_is_stamped_when_each_is_served(client, news):
    start = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        first = stamp_in(client.get(news.url).content.decode())
    with time_machine.travel(start + datetime.timedelta(seconds=20), tick=False):
        later = stamp_in(type(client)().get(news.url).content.decode())

    assert first == {"page": news.pk, "time": start.timestamp()}
    assert later == {"page": news.pk, "time": start.timestamp() + 20}


def test_a_comment_approved_shows_in_the_kept_section_at_the_next_visit(
    client, news, moderator, django_capture_on_commit_callbacks
):
    comment = VisitorCommentFactory(
        page=news, text="Held for a while.", status=CommentStatus.PENDING
    )
    before = client.get(news.url).content.decode()  # the section everyone sees is now kept

    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], CommentStatus.APPROVED, moderator)
    after = client.get(news.url).content.decode()

    assert "Held for a while." not in before
    assert "No comments yet" in before
    assert "Held for a while." in after
    assert "1 comment" in after


def test_reply_links_go_when_comments_close_with_time(client, news, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    news.first_published_at = timezone.now()
    news.save()
    comment = VisitorCommentFactory(page=news)
    reply_link = f"?replyto={comment.pk}"
    open_view = client.get(news.url).content.decode()

    with time_machine.travel(news.first_published_at + datetime.timedelta(days=31)):
        closed_view = client.get(news.url).content.decode()

    assert reply_link in open_view
    assert reply_link not in closed_view
    assert "Comments are closed." in closed_view


def test_a_comment_keeps_its_anchor_and_reply_link_where_numbers_are_grouped(
    client, news, settings
):
    """The page's anchors are what the e-mails and the redirect after posting link to
    (#comment-1234): never written as a localised number ("1,234")."""
    settings.USE_THOUSAND_SEPARATOR = True
    VisitorCommentFactory(page=news, pk=1234)

    html = client.get(news.url).content.decode()

    assert 'id="comment-1234"' in html
    assert 'id="comment-1234-author"' in html
    assert "?replyto=1234#comment-form" in html


def test_approved_comments_are_public_oldest_first_with_count(client, news):
    VisitorCommentFactory(page=news, text="First comment.")
    VisitorCommentFactory(page=news, text="Second comment.")
    VisitorCommentFactory(page=news, text="Pending comment.", status=CommentStatus.PENDING)

    html = client.get(news.url).content.decode()

    assert html.index("First comment.") < html.index("Second comment.")
    assert "Pending comment." not in html
    assert "2 comments" in html


def test_reply_is_nested_under_its_parent(client, news, comment_data):
    parent = VisitorCommentFactory(page=news, text="A question about evaluation.")
    VisitorCommentFactory(page=news, parent=parent, text="An answer.")

    html = client.get(news.url).content.decode()

    replies = html.split(f'id="comment-{parent.pk}"')[1]
    assert "comment-list--replies" in replies.split("An answer.")[0]


def test_reply_to_a_reply_beyond_the_depth_limit_is_refused(client, news, comment_data):
    parent = VisitorCommentFactory(page=news)
    reply = VisitorCommentFactory(page=news, parent=parent)

    response = post(client, news, comment_data(parent=reply.pk))

    assert response.status_code == 200
    assert "You can no longer reply to this comment." in response.content.decode()


def test_email_is_never_in_public_html(client, news, comment_data):
    VisitorCommentFactory(page=news, author_email="secret-address@example.net")
    post(client, news, comment_data(email="also-secret@example.net"))

    assert "secret-address@example.net" not in type(client)().get(news.url).content.decode()


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"homepage": "http://spam.example"}, "honeypot"),
        ({"seconds_ago": 1}, "after the form was shown"),
        ({"seconds_ago": 3 * 3600}, "older"),
        ({"form_time": "forged"}, "forged"),
    ],
)
def test_bots_are_marked_as_spam(client, news, comment_data, fields, reason):
    post(client, news, comment_data(**fields))

    comment = VisitorComment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert reason in comment.hold_reason


def test_second_comment_within_the_flood_interval_gets_429(client, news, comment_data):
    post(client, news, comment_data())

    response = post(client, news, comment_data(text="And another thought."))

    assert response.status_code == 429
    assert "And another thought." in response.content.decode()
    assert VisitorComment.objects.count() == 1


def test_too_many_comments_from_one_address_get_429(client, news, comment_data):
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    VisitorCommentFactory.create_batch(
        5, page=news, ip_address="198.51.100.7", created_at=a_minute_ago
    )

    response = post(client, news, comment_data(email="new@example.net"))

    assert response.status_code == 429


def test_duplicate_comment_is_refused(client, news, comment_data):
    VisitorCommentFactory(page=news, author_email="ana@example.net", text="Same words.")

    response = post(client, news, comment_data(text="Same words."))

    assert response.status_code == 200
    assert "You have already posted this comment." in response.content.decode()


def test_script_is_escaped(client, news):
    VisitorCommentFactory(page=news, text="<script>alert('x')</script>\nSecond line")

    html = client.get(news.url).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<br>Second line" in html


def test_comment_with_too_many_links_is_held_with_a_reason(client, news, comment_data, settings):
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(
        page=news,
        author_email="ana@example.net",
        text="Earlier, approved.",
        created_at=an_hour_ago(),
    )
    links = "See https://a.example https://b.example and https://c.example"

    post(client, news, comment_data(text=links))

    held = VisitorComment.objects.get(text=links)
    assert held.status == CommentStatus.PENDING
    assert "links" in held.hold_reason


def test_known_author_is_approved_when_enabled(client, news, comment_data):
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(
        page=news,
        author_email="ana@example.net",
        text="Earlier, approved.",
        created_at=an_hour_ago(),
    )

    post(client, news, comment_data())

    assert VisitorComment.objects.get(text="Very useful seminar, thank you.").status == "approved"


def test_automatic_approval_is_in_the_comments_history(client, news, comment_data):
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(page=news, author_email="ana@example.net", created_at=an_hour_ago())

    post(client, news, comment_data())

    comment = VisitorComment.objects.get(text="Very useful seminar, thank you.")
    entry = ModelLogEntry.objects.for_instance(comment).get()
    assert (entry.action, entry.user, entry.data) == (
        "discussion.approve",
        None,
        {"from": "pending", "to": "approved"},
    )
    assert comment.hold_reason == "author already has an approved comment"


def test_comments_post_to_their_own_address_only(client, home, news, comment_data):
    seminar = SeminarPageFactory(parent=EventIndexPageFactory(parent=home))
    calendar = client.post(f"{seminar.url}calendar/", comment_data(page=seminar))
    client.post(news.url, comment_data())
    reload = client.get(comment_post_url(news))

    assert calendar["Content-Type"].startswith("text/calendar")
    assert not VisitorComment.objects.exists()
    assert (reload.status_code, reload.url) == (302, news.url)


def test_a_page_that_takes_no_comments_has_no_comment_address(client, home, comment_data):
    response = client.post(comment_post_url(home), comment_data(page=home))

    assert response.status_code == 404


def test_disallowed_word_makes_spam_and_moderation_word_holds(client, news, comment_data):
    CommentSettings.objects.create(disallowed_words="casino\n", moderation_words="Ana\n")

    post(client, news, comment_data(text="Best casino bonus"))
    post(
        client,
        news,
        comment_data(text="Another message", email="ana2@example.net"),
        ip="203.0.113.5",
    )

    assert VisitorComment.objects.get(text="Best casino bonus").status == CommentStatus.SPAM
    assert "moderation word" in VisitorComment.objects.get(text="Another message").hold_reason


def test_invalid_form_keeps_the_typed_text_and_shows_errors(client, news, comment_data):
    response = post(client, news, comment_data(name="", email="not-an-email"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Very useful seminar, thank you." in html
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert not VisitorComment.objects.exists()


def test_moderators_are_emailed_about_a_pending_comment(
    client, news, comment_data, django_capture_on_commit_callbacks, deliver_mail
):
    UserFactory(email="mod@example.org", groups=[Group.objects.get(name=MODERATORS)])

    with django_capture_on_commit_callbacks(execute=True):
        post(client, news, comment_data())

    outbox = deliver_mail()
    assert [m.to for m in outbox] == [["mod@example.org"]]
    assert "/admin/visitor-comments/" in outbox[0].body


def test_remember_me_fills_the_form_next_time(client, news, comment_data):
    post(client, news, comment_data(remember_me="on"))

    html = client.get(news.url).content.decode()

    assert 'value="Ana Lopes"' in html


@pytest.mark.parametrize("secure", [True, False])
def test_cookie_that_forgets_the_author_has_the_flags_of_the_one_that_remembers(
    client, news, comment_data, settings, secure
):
    settings.SESSION_COOKIE_SECURE = secure
    remembering = post(client, news, comment_data(remember_me="on")).cookies["comment_author"]

    # Another visitor of the same browser (the flood rule counts per e-mail and address).
    forgetting = post(
        client, news, comment_data(email="bo@example.net", text="Forget me."), ip="203.0.113.5"
    ).cookies["comment_author"]

    assert forgetting.value == ""
    assert forgetting["max-age"] == 0
    for flag in ("secure", "httponly", "samesite"):
        assert forgetting[flag] == remembering[flag]
    assert forgetting["samesite"] == "Lax"
    assert bool(forgetting["secure"]) is secure


def test_closed_page_refuses_comments(client, news, comment_data):
    news.allow_comments = False
    news.save()

    response = post(client, news, comment_data())

    assert response.status_code == 403
    assert not VisitorComment.objects.exists()


def test_auto_approved_reply_emails_the_parent_author_who_asked(
    client, news, comment_data, django_capture_on_commit_callbacks, deliver_mail
):
    CommentSettings.objects.create(auto_approve_known_authors=True)
    VisitorCommentFactory(
        page=news,
        author_email="ana@example.net",
        text="Earlier, approved.",
        created_at=an_hour_ago(),
    )
    parent = VisitorCommentFactory(
        page=news, author_email="bo@example.net", notify_of_replies=True, created_at=an_hour_ago()
    )

    with django_capture_on_commit_callbacks(execute=True):
        post(client, news, comment_data(parent=parent.pk))

    outbox = deliver_mail()
    assert [m.to for m in outbox] == [["bo@example.net"]]
    assert "/comments/unsubscribe/" in outbox[0].body


def test_thread_is_rendered_anew_in_development(client, news, settings):
    settings.DEBUG = True
    comment = VisitorCommentFactory(page=news, text="First wording.")
    client.get(news.url)

    VisitorComment.objects.filter(pk=comment.pk).update(text="Second wording.")  # no signal

    assert "Second wording." in client.get(news.url).content.decode()


def test_a_form_with_errors_is_announced_with_links_to_each_field(client, news, comment_data):
    response = post(client, news, comment_data(email="not-an-address", text=""))

    html = response.content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    summary = html.split('<div class="form-errors" role="alert" tabindex="-1" autofocus>', 1)[1]
    assert title.startswith("Error: ")
    assert '<a href="#id_email">' in summary.split("</div>", 1)[0]
    assert '<a href="#id_text">' in summary.split("</div>", 1)[0]
    assert 'id="id_email_error"' in html
    assert (
        'aria-describedby="id_email_error' in html
        or 'aria-describedby="id_email_helptext id_email_error"' in html
    )
    assert html.count("will not be published") == 1


def test_a_page_without_comments_invites_the_first_one_instead_of_counting_zero(client, news):
    html = client.get(news.url).content.decode()

    assert "0 comments" not in html
    assert '<h2 id="comments-heading">Share your experience</h2>' in html
