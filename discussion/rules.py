"""Hold and spam rules that need no external service, in the spirit of WordPress's discussion
settings. Each rule gives a verdict: the comment's status and the reason shown to moderators."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import CommentSettings, CommentStatus, VisitorComment

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""


def judge(comment, form):
    """The status a new comment gets, and why."""
    rules = CommentSettings.load()
    if form.cleaned_data.get("homepage"):
        return Verdict(CommentStatus.SPAM, "honeypot filled in")
    seconds = form.seconds_to_fill
    if seconds is None:
        return Verdict(CommentStatus.SPAM, "form time stamp missing or forged")
    if seconds < settings.COMMENTS_MIN_SECONDS_TO_FILL:
        return Verdict(CommentStatus.SPAM, f"posted {seconds:.1f} s after the form was shown")
    if seconds > settings.COMMENTS_MAX_FORM_AGE_SECONDS:
        return Verdict(CommentStatus.SPAM, "form older than allowed")
    if word := first_match(comment, CommentSettings.word_list(rules.disallowed_words)):
        return Verdict(CommentStatus.SPAM, f"disallowed word “{word}”")
    if len(LINK.findall(comment.text)) > rules.max_links:
        return Verdict(CommentStatus.PENDING, f"more than {rules.max_links} links")
    if word := first_match(comment, CommentSettings.word_list(rules.moderation_words)):
        return Verdict(CommentStatus.PENDING, f"moderation word “{word}”")
    if rules.auto_approve_known_authors and (
        VisitorComment.objects.approved().by_author(comment.author_email).exists()
    ):
        return Verdict(CommentStatus.APPROVED, "author already has an approved comment")
    return Verdict(CommentStatus.PENDING)


def first_match(comment, words):
    haystack = " ".join(
        [
            comment.author_name,
            comment.author_email,
            comment.author_url,
            comment.text,
            comment.ip_address or "",
        ]
    ).lower()
    return next((word for word in words if word in haystack), None)


def throttled(ip_address, email):
    """True when this author posts too often (flood interval or rate limit), counted in the
    database so that every server process sees the same history."""
    now = timezone.now()
    recent = VisitorComment.objects.filter(
        created_at__gte=now - timedelta(seconds=settings.COMMENTS_RATE_WINDOW_SECONDS)
    )
    by_author = recent.by_author(email)
    if ip_address:
        by_author = by_author | recent.filter(ip_address=ip_address)
    flood_start = now - timedelta(seconds=settings.COMMENTS_FLOOD_SECONDS)
    return (
        by_author.filter(created_at__gte=flood_start).exists()
        or by_author.count() >= settings.COMMENTS_RATE_LIMIT
    )


def lock_author(ip_address, email):
    """Hold until the end of the transaction a database lock on this author's e-mail and
    address, so that posts sent at the same moment, to any server process, are checked
    (throttled, duplicate) one after the other, each seeing the comments the others saved.
    PostgreSQL advisory locks, taken in one order so that two posts never wait for each other;
    SQLite, in development, writes one transaction at a time anyway."""
    if connection.vendor != "postgresql":
        return
    keys = {f"comment-author:{email.lower()}"} | (
        {f"comment-ip:{ip_address}"} if ip_address else set()
    )
    with connection.cursor() as cursor:
        for key in sorted(keys):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
