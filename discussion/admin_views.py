"""Admin views of the moderation queue beyond the snippet views: one-click row actions and the
reply form."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from .models import CommentStatus, VisitorComment
from .moderation import TRANSITIONS, apply_transition, post_site_reply
from .notifications import QUEUE_URL_NAME, comment_url


def can_moderate(user):
    return policy_registry.get_by_type(VisitorComment).user_has_permission(user, "change")


def can_reply_to(comment):
    return comment.status == CommentStatus.APPROVED and comment.accepts_replies


@require_POST
def moderate_one(request, pk, action):
    """A row button of the queue: one transition on one comment."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise Http404
    if not can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(VisitorComment.objects.select_related("page"), pk=pk)
    with transaction.atomic():
        changed = apply_transition(transition, [comment], request.user)
    messages.success(request, transition.done_message % {"count": len(changed)})
    return redirect(get_valid_next_url_from_request(request) or reverse(QUEUE_URL_NAME))


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Published at once under the comment, signed “LIAISE 2” with the site’s badge. "
            "Its author is e-mailed if they asked to be told of replies."
        ),
    )


class ReplyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Reply from the admin, as the LIAISE 2 team."""

    model = VisitorComment
    permission_required = "change"
    form_class = ReplyForm
    template_name = "discussion/admin/reply.html"
    page_title = gettext_lazy("Reply")
    header_icon = "comment"

    @cached_property
    def comment(self):
        return get_object_or_404(
            VisitorComment.objects.select_related("page", "parent"), pk=self.kwargs["pk"]
        )

    @cached_property
    def queue_url(self):
        return reverse(QUEUE_URL_NAME)

    def get(self, request, *args, **kwargs):
        if not can_reply_to(self.comment):
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not can_reply_to(self.comment):
            return self.refuse()
        return super().post(request, *args, **kwargs)

    def refuse(self):
        messages.error(
            self.request,
            _(
                "Only approved comments that still accept replies can be answered: "
                "approve the comment first, or reply higher up the thread."
            ),
        )
        return redirect(self.queue_url)

    def get_page_subtitle(self):
        return str(self.comment)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.queue_url, "label": capfirst(VisitorComment._meta.verbose_name_plural)},
            {"url": "", "label": _("Reply")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "comment": self.comment,
                "action_url": self.request.path,
                "submit_button_label": _("Publish reply"),
                "submit_button_active_label": _("Publishing…"),
                "media": context["form"].media,
            }
        )
        return context

    def form_valid(self, form):
        with transaction.atomic():
            reply = post_site_reply(self.comment, form.cleaned_data["text"], self.request.user)
        messages.success(
            self.request,
            _("Your reply is published."),
            buttons=[messages.button(comment_url(reply), _("View on page"))],
        )
        return redirect(self.queue_url)
