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


# What gives away a form filled in by a program (BotSign.kind).
HONEYPOT, FORGED, TOO_FAST, TOO_OLD = "honeypot", "forged", "too fast", "too old"


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""


@dataclass(frozen=True)
class BotSign:
    kind: str
    reason: str  # for moderators


@dataclass(frozen=True)
class RateLimit:
    """At most one post in `flood_seconds`, and fewer than `limit` in `window_seconds`."""

    flood_seconds: int
    limit: int
    window_seconds: int

    def exceeded_by(self, posts, time_field):
        """True when `posts` (one author's, in any order) break the limit, counted in the
        database so that every server process sees the same history."""
        now = timezone.now()
        recent = posts.filter(
            **{f"{time_field}__gte": now - timedelta(seconds=self.window_seconds)}
        )
        flood = recent.filter(**{f"{time_field}__gte": now - timedelta(seconds=self.flood_seconds)})
        return flood.exists() or recent.count() >= self.limit


def bot_sign(form):
    """What gives away a BotTrapForm (discussion.forms) filled in by a program, or None: the
    honeypot filled in, a time stamp missing or forged, a form sent too fast or too late."""
    if form.cleaned_data.get("homepage"):
        return BotSign(HONEYPOT, "honeypot filled in")
    seconds = form.seconds_to_fill
    if seconds is None:
        return BotSign(FORGED, "form time stamp missing or forged")
    if seconds < settings.COMMENTS_MIN_SECONDS_TO_FILL:
        return BotSign(TOO_FAST, f"posted {seconds:.1f} s after the form was shown")
    if seconds > settings.COMMENTS_MAX_FORM_AGE_SECONDS:
        return BotSign(TOO_OLD, "form older than allowed")
    return None


def judge(comment, form):
    """The status a new comment gets, and why."""
    rules = CommentSettings.load()
    if sign := bot_sign(form):
        return Verdict(CommentStatus.SPAM, sign.reason)
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
    """True when this author, by e-mail or address, comments too often."""
    by_author = VisitorComment.objects.by_author(email)
    if ip_address:
        by_author = by_author | VisitorComment.objects.filter(ip_address=ip_address)
    limit = RateLimit(
        settings.COMMENTS_FLOOD_SECONDS,
        settings.COMMENTS_RATE_LIMIT,
        settings.COMMENTS_RATE_WINDOW_SECONDS,
    )
    return limit.exceeded_by(by_author, "created_at")


def lock_author(ip_address, email):
    """Hold until the end of the transaction a database lock on this author's e-mail and
    address (a commenter's, or a contact message's sender), so that posts sent at the same
    moment, to any server process, are checked (throttled, duplicate) one after the other, each
    seeing what the others saved.
    PostgreSQL advisory locks, taken in one order so that two posts never wait for each other;
    SQLite, in development, writes one transaction at a time anyway."""
    keys = {f"comment-author:{email.lower()}"} | (
        {f"comment-ip:{ip_address}"} if ip_address else set()
    )
    lock_names(*sorted(keys))


def lock_names(*names):
    """Hold a database lock on each name until the end of the transaction (PostgreSQL
    advisory locks, in the order given; SQLite writes one transaction at a time anyway)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])
