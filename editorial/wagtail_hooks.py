from django.urls import reverse
from post_office.models import STATUS, Email
from wagtail import hooks
from wagtail.admin.ui.components import Component

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
