from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from post_office.models import STATUS, Email
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .publishing import announce_review_outcome, refuse_autosave_of_new_page, refuse_stray_edit

DASHBOARD_LIMIT = 5


def undelivered_mail():
    """E-mails the worker could not deliver: waiting to be retried, or failed for good."""
    return Email.objects.filter(status__in=[STATUS.requeued, STATUS.failed])


class UndeliveredMailPanel(Component):
    """On the dashboard of those who may see the mail queue, while any mail is undelivered: a
    mail server that stays down shows here, not only in the logs."""

    name = "undelivered_mail"
    template_name = "editorial/undelivered_mail_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        undelivered = undelivered_mail()
        return {
            "count": undelivered.count(),
            "latest": undelivered.order_by("-last_updated", "-pk")[:DASHBOARD_LIMIT],
            "failed": STATUS.failed,
            "queue_url": reverse("admin:post_office_email_changelist"),
        }


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    if request.user.has_perm("post_office.view_email") and undelivered_mail().exists():
        panels.append(UndeliveredMailPanel())


hooks.register("before_edit_page", refuse_stray_edit)
hooks.register("after_edit_page", announce_review_outcome)
hooks.register("before_create_page", refuse_autosave_of_new_page)


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}"></script>', static("editorial/editor.js"))


@hooks.register("insert_global_admin_js")
def date_picker_js():
    return format_html('<script src="{}"></script>', static("editorial/dates.js"))
