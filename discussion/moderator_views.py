"""The moderators' side of visitor comments in the Wagtail admin: the moderation queue (a
snippet viewset: listing, filters, export, edit, delete), its one-click row actions and the
reply form."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet

from core.exports import SafeSpreadsheetExportMixin

from .models import CommentStatus, VisitorComment
from .moderation import (
    TRANSITIONS,
    apply_transition,
    delete,
    moderate,
    post_site_reply,
    purge_caches_on_commit,
)
from .notifications import QUEUE_URL_NAME, comment_url

ALL_STATUSES = "all"
WIDE_ONLY = "comment-queue__wide-only"  # columns hidden at phone width
SEARCH_FIELDS = ["author_name", "author_email", "text", "ip_address"]


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
        label=_("Your reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
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
    page_title = _("Reply")
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


def status_counts():
    counts = dict(VisitorComment.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in CommentStatus.values}


def pending_count():
    return VisitorComment.objects.filter(status=CommentStatus.PENDING).count()


def commented_pages(request):
    return Page.objects.filter(visitor_comments__isnull=False).distinct().order_by("title")


class VisitorCommentFilterSet(WagtailFilterSet):
    """Pending comments unless another status (or all) is chosen."""

    status = django_filters.ChoiceFilter(
        choices=[*CommentStatus.choices, (ALL_STATUSES, _("All statuses"))],
        empty_label=None,
        initial=CommentStatus.PENDING,
        method="filter_status",
        widget=forms.RadioSelect,
    )
    page = django_filters.ModelChoiceFilter(queryset=commented_pages)
    created_at = django_filters.DateFromToRangeFilter(widget=DateRangePickerWidget)

    class Meta:
        model = VisitorComment
        fields = ["status", "page", "created_at"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = CommentStatus.PENDING
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        return queryset if value == ALL_STATUSES else queryset.filter(status=value)


def search(queryset, query):
    """The admin's search, on the database (comments are not in the search index)."""
    if not query:
        return queryset
    condition = Q()
    for field in SEARCH_FIELDS:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def listing_queryset(request):
    """The comments the queue lists for this request's filters and search; the bulk actions'
    "select all in listing" acts on these."""
    queryset = VisitorComment.objects.all()
    filters = VisitorCommentFilterSet(data=request.GET, queryset=queryset, request=request)
    if filters.is_valid():
        queryset = filters.qs
    return search(queryset, request.GET.get("q", "").strip())


def field_label(name):
    return capfirst(VisitorComment._meta.get_field(name).verbose_name)


def sortable_column(name, column_class=Column, **kwargs):
    return column_class(name, label=field_label(name), sort_key=name, **kwargs)


def excerpt(comment):
    return Truncator(comment.text).chars(80)


class QueueIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = status_counts()
        current = self.filters.form.cleaned_data.get("status") if self.is_valid_filter else None
        context["status_tabs"] = [
            {
                "label": label,
                "count": counts[value],
                "url": f"{self.index_url}?status={value}",
                "current": value == current,
            }
            for value, label in CommentStatus.choices
        ]
        return context

    @property
    def is_valid_filter(self):
        return bool(self.filters) and self.filters.is_valid()


class CommentEditView(EditView):
    """A status chosen in the form goes through moderate(), like every other path."""

    def save_instance(self):
        previous, new_status = self.form.initial["status"], self.form.instance.status
        self.form.instance.status = previous
        comment = super().save_instance()
        if new_status != previous:
            moderate([comment], new_status, self.request.user)
        elif comment.status == CommentStatus.APPROVED and self.form.has_changed():
            purge_caches_on_commit([comment])  # its published text changed
        return comment


class CommentDeleteView(DeleteView):
    def delete_action(self):
        delete([self.object], self.request.user)


class VisitorCommentViewSet(SnippetViewSet):
    """The moderation queue of visitor comments."""

    model = VisitorComment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "visitor-comments"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "visitor-comments"
    index_view_class = QueueIndexView
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    index_results_template_name = "discussion/admin/index_results.html"
    copy_view_enabled = False
    # A comment is not a "use" of its page: keep comments out of the pages' usage counts.
    add_to_reference_index = False
    ordering = "-created_at"
    # The name (with the row's actions), the comment and its status always; the rest from tablet
    # width up (templates/discussion/admin/index_results.html, static/css/comment-queue.css).
    list_display = [
        "author_name",
        sortable_column("author_email", classname=f"{WIDE_ONLY} comment-queue__email"),
        sortable_column("ip_address", classname=WIDE_ONLY),
        Column(
            "excerpt", label=field_label("text"), accessor=excerpt, classname="comment-queue__text"
        ),
        sortable_column("page", classname=WIDE_ONLY),
        sortable_column("status", accessor="get_status_display"),
        sortable_column("created_at", column_class=DateColumn, classname=WIDE_ONLY),
    ]
    filterset_class = VisitorCommentFilterSet
    search_fields = SEARCH_FIELDS
    search_backend_name = None
    list_export = [
        "pk",
        "created_at",
        "status",
        "author_name",
        "author_email",
        "author_url",
        "ip_address",
        "user_agent",
        "page.title",
        "page.full_url",
        "parent_id",
        "is_site_reply",
        "hold_reason",
        "text",
    ]
    export_headings = {
        "pk": "ID",
        "page.title": field_label("page"),
        "page.full_url": _("Page URL"),
        "parent_id": field_label("parent"),
    }
    export_filename = "visitor-comments"
    panels = [
        FieldPanel("author_name"),
        FieldPanel("author_email"),
        FieldPanel("author_url"),
        FieldPanel("text"),
        FieldPanel("status"),
        FieldPanel("page", read_only=True),
        FieldPanel("hold_reason", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("ip_address", read_only=True),
        FieldPanel("user_agent", read_only=True),
    ]

    def register_chooser_viewset(self):
        # Nothing links to a comment, and Wagtail's choosers are open to every admin user:
        # without one, only moderators can list comments.
        pass

    def get_queryset(self, request):
        return VisitorComment.objects.select_related("page")

    def get_index_view_kwargs(self, **kwargs):
        # Comments come from visitors, and replies from the reply view: no "Add" button.
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    @cached_property
    def add_view(self):
        def not_found(request, *args, **kwargs):
            raise Http404

        return not_found

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "reply/<int:pk>/",
                ReplyView.as_view(),
                name="reply",
            ),
            path(
                "moderate/<int:pk>/<slug:action>/",
                moderate_one,
                name="moderate",
            ),
        ]

    def reply_url(self, comment):
        return reverse(self.get_url_name("reply"), args=[comment.pk])

    def moderate_url(self, comment, transition):
        return reverse(self.get_url_name("moderate"), args=[comment.pk, transition.name])
