"""The privacy commands: trash purge, IP erasure, data export and anonymisation on request."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from discussion.models import CommentStatus, VisitorComment
from tests.factories import VisitorCommentFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_purge_comment_trash_deletes_what_has_been_in_the_trash_too_long(news, settings, capsys):
    settings.COMMENTS_TRASH_DAYS = 30
    expired = VisitorCommentFactory(
        page=news, status=CommentStatus.TRASH, status_changed_at=days_ago(31)
    )
    recent = VisitorCommentFactory(
        page=news, status=CommentStatus.TRASH, status_changed_at=days_ago(29)
    )
    old_approved = VisitorCommentFactory(
        page=news, status=CommentStatus.APPROVED, status_changed_at=days_ago(400)
    )

    call_command("purge_comment_trash")

    assert set(VisitorComment.objects.all()) == {recent, old_approved}
    assert ModelLogEntry.objects.filter(object_id=str(expired.pk), action="wagtail.delete")
    assert capsys.readouterr().out == "Deleted 1 comment(s) in the trash for more than 30 days.\n"


def test_erase_comment_ips_clears_ip_and_browser_of_old_comments(news, settings, capsys):
    settings.COMMENTS_IP_RETENTION_DAYS = 90
    old = VisitorCommentFactory(
        page=news, created_at=days_ago(91), ip_address="203.0.113.9", user_agent="Firefox"
    )
    recent = VisitorCommentFactory(
        page=news, created_at=days_ago(89), ip_address="203.0.113.10", user_agent="Safari"
    )

    call_command("erase_comment_ips")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (recent.ip_address, recent.user_agent) == ("203.0.113.10", "Safari")
    assert "of 1 comment(s) older than 90 days" in capsys.readouterr().out


def test_export_commenter_data_prints_every_comment_of_that_address_as_json(news, capsys):
    first = VisitorCommentFactory(
        page=news,
        author_email="Ana@Example.net",
        text="First thought.",
        ip_address="203.0.113.9",
        user_agent="Firefox",
        created_at=days_ago(2),
    )
    VisitorCommentFactory(
        page=news,
        author_email="ana@example.net",
        status=CommentStatus.PENDING,
        text="Second thought.",
    )
    VisitorCommentFactory(page=news, author_email="someone@example.net", text="Not hers.")

    call_command("export_commenter_data", "ana@example.net")

    captured = capsys.readouterr()
    exported = json.loads(captured.out)
    assert [c["text"] for c in exported] == ["First thought.", "Second thought."]
    assert exported[0]["page_url"] == news.full_url
    assert exported[0]["comment_url"] == f"{news.full_url}#comment-{first.pk}"
    assert exported[0]["ip_address"] == "203.0.113.9"
    assert exported[0]["browser"] == "Firefox"
    assert exported[0]["status"] == "approved"
    assert exported[1]["status"] == "pending"
    assert exported[0]["posted_at"] == first.created_at.isoformat()
    assert captured.err.strip() == "Exported 2 comment(s) by ana@example.net."


def test_anonymise_commenter_erases_the_person_and_keeps_the_text(news, capsys):
    hers = VisitorCommentFactory(
        page=news,
        author_name="Ana Lopes",
        author_email="ana@example.net",
        author_url="https://ana.example",
        ip_address="203.0.113.9",
        user_agent="Firefox",
        notify_of_replies=True,
        text="Kept for the thread.",
    )
    ModelLogEntry.objects.log_action(hers, "discussion.approve")
    other = VisitorCommentFactory(page=news, author_name="Bo", author_email="bo@example.net")

    call_command("anonymise_commenter", "ANA@example.net")

    hers.refresh_from_db()
    other.refresh_from_db()
    assert hers.author_name == "Anonymous"
    assert (hers.author_email, hers.author_url, hers.ip_address, hers.user_agent) == (
        "",
        "",
        None,
        "",
    )
    assert not hers.notify_of_replies
    assert hers.text == "Kept for the thread."
    assert (other.author_name, other.author_email) == ("Bo", "bo@example.net")
    assert "Ana Lopes" not in ModelLogEntry.objects.get(object_id=str(hers.pk)).label
    assert capsys.readouterr().out == "Anonymised 1 comment(s) by ANA@example.net.\n"
