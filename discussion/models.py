"""Visitor comments on news and seminar pages. Not Wagtail's `wagtailcore.Comment`, which is
the editors' internal commenting in the page editor."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    TRASH = "trash", _("Trash")


class VisitorCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def by_author(self, email):
        return self.filter(author_email__iexact=email)


class VisitorComment(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="visitor_comments",
        verbose_name=_("page"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author_name = models.CharField(max_length=100, verbose_name=_("name"))
    author_email = models.EmailField(verbose_name=_("e-mail"))
    author_url = models.URLField(blank=True, verbose_name=_("website"))
    text = models.TextField(max_length=5000, verbose_name=_("comment"))
    status = models.CharField(
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
        verbose_name=_("status"),
    )
    hold_reason = models.CharField(max_length=255, blank=True, verbose_name=_("why it was held"))
    is_site_reply = models.BooleanField(
        default=False,
        verbose_name=_("reply from the site"),
        help_text=_("Posted by the LIAISE 2 team from the admin."),
    )
    notify_of_replies = models.BooleanField(default=False, verbose_name=_("notify of replies"))
    ip_address = models.GenericIPAddressField(null=True, blank=True, verbose_name=_("IP address"))
    user_agent = models.CharField(max_length=255, blank=True, verbose_name=_("browser"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("date"))
    status_changed_at = models.DateTimeField(default=timezone.now, verbose_name=_("status changed"))
    author_notified_at = models.DateTimeField(null=True, blank=True)

    objects = VisitorCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("visitor comment")
        verbose_name_plural = _("visitor comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["author_email", "created_at"]),
        ]

    def __str__(self):
        return _("%(name)s on “%(page)s”") % {"name": self.author_name, "page": self.page.title}

    @property
    def depth(self):
        if hasattr(self, "thread_depth"):  # set by discussion.thread.build_tree
            return self.thread_depth
        depth, comment = 1, self
        while comment.parent_id:
            depth, comment = depth + 1, comment.parent
        return depth

    @property
    def accepts_replies(self):
        return self.depth < settings.COMMENTS_MAX_DEPTH

    def set_status(self, status):
        self.status = status
        self.status_changed_at = timezone.now()


class ModeratorsAlert(models.Model):
    """The moderators' e-mail about the comments awaiting moderation while it waits in the mail
    queue (until COMMENTS_MODERATORS_ALERT_DELAY_SECONDS have passed): a comment posted then
    updates its count instead of queuing another (discussion/notifications.py)."""

    email = models.OneToOneField("post_office.Email", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return str(self.email)


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """Moderation rules editors can change in Settings → Comment moderation."""

    max_links = models.PositiveSmallIntegerField(
        default=2,
        verbose_name=_("links before a comment is held"),
        help_text=_("A comment with more links than this waits for moderation."),
    )
    moderation_words = models.TextField(
        blank=True,
        verbose_name=_("moderation words"),
        help_text=_(
            "One word or phrase per line. A comment containing one of them in its name, "
            "e-mail, website, text or IP address is held for moderation."
        ),
    )
    disallowed_words = models.TextField(
        blank=True,
        verbose_name=_("disallowed words"),
        help_text=_("One word or phrase per line, matched the same way; such a comment is spam."),
    )
    auto_approve_known_authors = models.BooleanField(
        default=False,
        verbose_name=_("approve authors with an approved comment"),
        help_text=_(
            "Publish at once comments from an e-mail address that already has an approved "
            "comment, unless a rule above holds them."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
        help_text=_("Linked from the comment form."),
    )

    panels = [
        FieldPanel("max_links"),
        FieldPanel("moderation_words"),
        FieldPanel("disallowed_words"),
        FieldPanel("auto_approve_known_authors"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("comment moderation")

    @staticmethod
    def word_list(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]
