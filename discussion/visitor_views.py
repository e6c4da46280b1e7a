"""What visitors reach of the comments: posting one (below: the one way in, from the form to
the moderation queue) and stopping the e-mails about replies (unsubscribe).

The comment form of a page posts to its own address, `/<language>/comments/<page id>/`
(never to the page, nor to a page's sub-addresses such as a seminar's `calendar/`), and
post_comment() takes it through one flow:

1. where it comes from: only from this site's pages (guards.posted_from_this_site);
2. the form (forms.CommentForm): fields, the reply's parent, errors shown with the text kept;
3. the page: live, visible to this visitor, taking comments now;
4. under the author's lock (rules.lock_author): not a duplicate, not too often (429);
5. the rules (rules.judge): spam (a honeypot filled in, a time stamp forged, too fast or too
   old, a disallowed word), held as pending, or approved for a known author;
6. saved as pending (or spam), then approved through moderation.moderate(), which records it in
   History, purges the cached page and sends the e-mails; moderators hear of pending ones;
7. Post/Redirect/Get back to the comment, which its author sees while it waits.

Why no CSRF token: see discussion/guards.py.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import CommentForm
from .guards import posted_by_the_form_of
from .models import CommentStatus, VisitorComment
from .moderation import moderate
from .notifications import (
    email_from_unsubscribe_token,
    notify_after_commit,
    notify_moderators_of_pending_comments,
)
from .pages import (
    AUTHOR_COOKIE,
    AUTHOR_COOKIE_AGE,
    AUTHOR_COOKIE_SALT,
    REMEMBERED_FIELDS,
    CommentablePageMixin,
)
from .rules import judge, lock_author, throttled
from .thread import remember_own_comment


@posted_by_the_form_of(CommentablePageMixin)
def post_comment(request, page):
    form = CommentForm(request.POST, page=page)
    if not form.is_valid():
        return render_page_with_form(page, request, form)
    if not page.comments_are_open:
        form.add_error(None, _("Comments are closed on this page."))
        return render_page_with_form(page, request, form, status=403)
    comment = form.build_comment(
        request.META.get("REMOTE_ADDR") or None, request.META.get("HTTP_USER_AGENT", "")
    )
    if refusal_status := save_unless_refused(comment, form):
        return render_page_with_form(page, request, form, status=refusal_status)
    remember_own_comment(request, comment)
    response = redirect(f"{page.url}#comment-{comment.pk}")
    remember_or_forget_author(response, form)
    return response


@transaction.atomic
def save_unless_refused(comment, form):
    """Save the comment unless its author already posted it or posts too often; then return
    the answer's status, with the reason added to the form. The checks and the save hold the
    author's lock (rules.lock_author): simultaneous posts cannot all pass the checks."""
    lock_author(comment.ip_address, comment.author_email)
    if form.is_duplicate(comment):
        form.add_error(None, _("You have already posted this comment."))
        return 200
    if throttled(comment.ip_address, comment.author_email):
        form.add_error(
            None,
            _(
                "You are sending comments too quickly. Please wait a few minutes, then send "
                "this one again: your text is kept below."
            ),
        )
        return 429
    save_comment(comment, form)
    return None


def save_comment(comment, form):
    """Saved as the rules judge it; an approval goes through moderation like any other."""
    verdict = judge(comment, form)
    comment.hold_reason = verdict.reason
    comment.status = (
        CommentStatus.SPAM if verdict.status == CommentStatus.SPAM else CommentStatus.PENDING
    )
    comment.save()
    if verdict.status == CommentStatus.APPROVED:
        moderate([comment], CommentStatus.APPROVED, user=None)
    elif verdict.status == CommentStatus.PENDING:
        notify_after_commit(notify_moderators_of_pending_comments)
    return comment


def render_page_with_form(page, request, form, status=200):
    context = page.get_context(request, comment_form=form)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def remember_or_forget_author(response, form):
    if form.cleaned_data["remember_me"]:
        value = "\n".join(form.cleaned_data[name] or "" for name in REMEMBERED_FIELDS)
        response.set_signed_cookie(
            AUTHOR_COOKIE,
            value,
            salt=AUTHOR_COOKIE_SALT,
            max_age=AUTHOR_COOKIE_AGE,
            **author_cookie_flags(),
        )
    else:
        # Expired at once, with the flags it is set with (delete_cookie() would drop Secure).
        response.set_cookie(AUTHOR_COOKIE, "", max_age=0, **author_cookie_flags())


def author_cookie_flags():
    return {"httponly": True, "samesite": "Lax", "secure": settings.SESSION_COOKIE_SECURE}


def unsubscribe(request, token):
    """Stop reply notifications for the e-mail in a signed link. GET asks, POST does it, so
    that mail scanners following links unsubscribe nobody."""
    try:
        email = email_from_unsubscribe_token(token)
    except signing.BadSignature:
        return TemplateResponse(
            request, "discussion/unsubscribe.html", {"invalid": True}, status=400
        )
    done = request.method == "POST"
    if done:
        VisitorComment.objects.by_author(email).update(notify_of_replies=False)
    return TemplateResponse(request, "discussion/unsubscribe.html", {"done": done})
