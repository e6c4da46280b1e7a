"""What a page visitors may comment on shows them: its comments, the form (blank, or sent back
with its errors), and the privacy notice; the "remember me" cookie the form reads."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.links import chosen_page_url
from pagecache.data import cached_per_generation
from pagecache.parameters import reads_query_parameter
from pagecache.versions import version

from .forms import CommentForm, refresh_form_times
from .models import CommentSettings, CommentStatus
from .thread import (
    JUST_POSTED_SESSION_KEY,
    OWN_COMMENTS_SESSION_KEY,
    build_tree,
    visible_comments,
)

AUTHOR_COOKIE = "comment_author"
AUTHOR_COOKIE_SALT = "discussion.author"
AUTHOR_COOKIE_AGE = 365 * 24 * 3600
REMEMBERED_FIELDS = ("name", "email", "website")


def comment_context(page, request, form=None):
    """`comment_section`, the section's HTML, and `comment_form`, a posted form sent back (None
    for a blank one)."""
    # Declared to the page cache, which keeps the page until its comments change.
    comments_version = version(comments_part(page))
    asked = request.GET.get("replyto")
    if form is None and asked is None and not has_own_view(request):
        reads_query_parameter("replyto", True)
        section = shared_comment_section(page, request, comments_version)
        return {"comment_section": section, "comment_form": None}
    comments = list(visible_comments(page, request))
    reply_to = replied_comment(comments, request)
    reads_query_parameter(
        "replyto", asked is None or (reply_to is not None and str(reply_to.pk) == asked)
    )
    context = section_context(page, request, comments, comments_version, form)
    context["reply_to"] = reply_to
    context["just_posted"] = pop_just_posted(comments, request)
    return {"comment_section": render_section(context, request), "comment_form": form}


def section_context(page, request, comments, comments_version, form):
    return {
        "page": page,
        "comment_thread": comment_thread(page, comments, comments_version),
        "comment_count": sum(c.status == CommentStatus.APPROVED for c in comments),
        "comment_form": form or blank_form(page, request),
        "privacy_url": privacy_notice_url(request),
    }


def render_section(context, request):
    return render_to_string("discussion/comment_section.html", context, request=request)


def has_own_view(request):
    """Whether the visitor sees a comment section of their own: their comments awaiting
    moderation, the notice of the one just posted, or the form filled with their name."""
    session = getattr(request, "session", {})
    own_comments = session.get(OWN_COMMENTS_SESSION_KEY) or session.get(JUST_POSTED_SESSION_KEY)
    return bool(own_comments or remembered_author(request))


def shared_comment_section(page, request, comments_version):
    """The comment section as every other visitor sees it: rendered once until the page's next
    moderation or change of content, per language and whether comments are open; only the
    form's time stamp is new at each request. A news item then renders in two thirds of the
    time (docs/performance.md)."""

    def render():
        comments = list(visible_comments(page, request))
        context = section_context(page, request, comments, comments_version, form=None)
        return render_section(context, request)

    if settings.DEBUG or comments_version is None:
        return render()
    key = (
        f"pagecache:comment-section:{page.pk}:{comments_version}:{get_language()}:"
        f"{page.comments_are_open}"
    )
    # Kept as bytes, which refresh_form_times reads: encoded once, not at each request.
    section = cached_per_generation(key, lambda: render().encode(), sections=())
    return mark_safe(refresh_form_times(section).decode())


def privacy_notice_url(request):
    """The privacy notice of Settings → Comment moderation, in the active language when
    translated."""
    return chosen_page_url(
        request,
        "privacy-notice",
        lambda: CommentSettings.load(request_or_site=request).privacy_page,
    )


def comments_part(page):
    """The name of the page's comments for the page cache's versions (pagecache/versions.py):
    moderating one renews it."""
    return f"comments:{page.pk}"


def comment_thread(page, comments, comments_version):
    """The comments as HTML. Without comments of the visitor's own awaiting moderation, it is
    the same for every visitor: kept until their next moderation (the version of the page's
    comments) or the next change of content, per language and whether replies are open. A page
    with 200 comments then renders in a third of the time."""
    comments_open = page.comments_are_open

    def render():
        context = {"comment_tree": build_tree(comments), "comments_open": comments_open}
        return render_to_string("discussion/comment_thread.html", context)

    # In development templates change under you: rendered each time; without a version (the
    # cache failing) too.
    if (
        settings.DEBUG
        or comments_version is None
        or any(comment.status != CommentStatus.APPROVED for comment in comments)
    ):
        return render()
    key = f"pagecache:comment-thread:{page.pk}:{comments_version}:{get_language()}:{comments_open}"
    return cached_per_generation(key, render, sections=())


def blank_form(page, request):
    initial = remembered_author(request)
    if reply_to := request.GET.get("replyto", ""):
        initial["parent"] = reply_to if reply_to.isdigit() else None
    return CommentForm(page=page, initial=initial)


def replied_comment(comments, request):
    wanted = request.POST.get("parent") or request.GET.get("replyto")
    return next((c for c in comments if str(c.pk) == wanted), None)


def pop_just_posted(comments, request):
    pk = request.session.pop(JUST_POSTED_SESSION_KEY, None) if hasattr(request, "session") else None
    return next((c for c in comments if c.pk == pk), None)


def remembered_author(request):
    remembered = request.get_signed_cookie(
        AUTHOR_COOKIE, default=None, salt=AUTHOR_COOKIE_SALT, max_age=AUTHOR_COOKIE_AGE
    )
    if not remembered:
        return {}
    values = remembered.split("\n")
    return dict(zip(REMEMBERED_FIELDS, values, strict=False)) | {"remember_me": True}


class CommentablePageMixin(models.Model):
    """For page types that visitors may comment on (news, seminars)."""

    allow_comments = models.BooleanField(
        default=True,
        verbose_name=_("allow visitor comments"),
        help_text=_("Comments also close automatically some time after first publication."),
    )

    class Meta:
        abstract = True

    settings_panels = [*Page.settings_panels, FieldPanel("allow_comments")]

    def get_context(self, request, *args, comment_form=None, **kwargs):
        """`comment_form`: a posted form to show again with its errors."""
        context = super().get_context(request, *args, **kwargs)
        context.update(comment_context(self, request, comment_form))
        return context

    @property
    def comments_are_open(self):
        # The static archive of the site (archive/) takes no comment: there is no server.
        if not self.allow_comments or settings.STATIC_ARCHIVE:
            return False
        published = self.first_published_at
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return not (days and published and timezone.now() - published > timedelta(days=days))
