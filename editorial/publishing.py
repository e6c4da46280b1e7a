"""Publishing that no stray request can undo: edits of one page run one after the other, a
review action on a review that has ended changes nothing, autosave never acts for the user, and
the message after a review says what happened (docs/editorial.md, "Safe publishing")."""

from django.contrib import messages
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.admin_paths import is_admin_path

# The submit buttons of the page editor; autosave sends the form without them.
EDITOR_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
)


def page_changed_by(request):
    """The id of the page a POST to Wagtail's page views (editor, review actions, unpublish…)
    changes, else None."""
    if request.method != "POST" or not is_admin_path(request.path_info):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.namespace != "wagtailadmin_pages":
        return None
    return match.kwargs.get("page_id")


class OnePageChangeAtATimeMiddleware:
    """A POST that changes a page runs in one transaction that first locks the page's row, so
    a second request (autosave, a double click, a second tab) reads the page only once the first
    has committed; a request that fails with a 5xx leaves nothing half-written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = page_changed_by(request)
        if page_id is None:
            return self.get_response(request)
        try:
            connection.ensure_connection()
        except DatabaseError:
            return self.get_response(request)  # the view meets the same fault and says so (503)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response


def is_autosave(request):
    """Wagtail's autosave asks for JSON; the editor's buttons ask for a page."""
    return not request.accepts("text/html")


def autosave_refused(message):
    """The answer Wagtail's autosave script understands as "stop, and say why"."""
    return JsonResponse(
        {"success": False, "error_code": "invalid_revision", "error_message": message},
        status=400,
    )


def refuse_stray_edit(request, page):
    """`before_edit_page`: an autosave that carries a button's action (it raced the submit),
    or a review action on a review that has ended (a double click, a second tab), changes
    nothing and says so."""
    if request.method != "POST":
        return None
    if is_autosave(request):
        if any(action in request.POST for action in EDITOR_ACTIONS):
            return autosave_refused(_("Autosave paused: the page is being submitted."))
        return None
    if "action-workflow-action" in request.POST and page.current_workflow_task is None:
        messages.warning(
            request,
            _(
                "Nothing more was changed: the review of '%(title)s' had already ended (a "
                "double click, or another tab). %(state)s"
            )
            % {"title": page.get_admin_display_title(), "state": publication_state(page)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def publication_state(page):
    """Where the page stands now, in one sentence."""
    scheduled = page.scheduled_revision
    if scheduled is not None:
        return _("Its publication is scheduled for %(date)s.") % {
            "date": when(scheduled.approved_go_live_at)
        }
    if page.live:
        return _("It is published.")
    return _("It is not published.")


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def review_outcome(page, action_name):
    """What a review action did to the page, in words, or None if nothing more is known."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    if action_name == "reject":
        return _("Changes requested on '%(title)s': its author has been told.") % {"title": title}
    next_task = page.current_workflow_task
    if next_task is not None:
        return _("'%(title)s' approved: next step, %(task)s.") % {
            "title": title,
            "task": next_task.name,
        }
    scheduled = page.scheduled_revision
    if scheduled is not None:
        return _("'%(title)s' approved; publication scheduled for %(date)s.") % {
            "title": title,
            "date": when(scheduled.approved_go_live_at),
        }
    if page.live and not page.has_unpublished_changes:
        return _("'%(title)s' approved and published.") % {"title": title}
    return None


def announce_review_outcome(request, page):
    """`after_edit_page`: after a review action, say what happened instead of Wagtail's
    "Page '…' has been updated"."""
    if request.method != "POST" or "action-workflow-action" not in request.POST:
        return
    outcome = review_outcome(page, request.POST.get("workflow-action-name"))
    if outcome is None:
        return
    updated = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    kept = [
        message
        for message in messages.get_messages(request)
        if not str(message).startswith(escape(updated))  # Wagtail's messages are HTML
    ]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, outcome)


def refuse_autosave_of_new_page(request, parent_page, page_class):
    """`before_create_page`: autosave would create a page nobody saved; a new page is created
    by its first deliberate save (the editor's script does not autosave it either)."""
    if request.method == "POST" and is_autosave(request):
        return autosave_refused(_("Autosave starts once you have saved this page."))
    return None
