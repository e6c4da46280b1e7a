"""The project's team (a translatable snippet) and the Contact page, a Wagtail form whose
messages are kept for CONTACT_SUBMISSION_RETENTION_DAYS and mailed through the mail queue."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import KnownRestrictionsMixin
from core.search_fields import PassageField
from discussion.forms import BotTrapForm
from discussion.pages import privacy_notice_url

from .forms import ContactFormBuilder

BOT_TRAP_FIELDS = frozenset(BotTrapForm.base_fields)


class TeamMember(TranslatableMixin, models.Model):
    """A person of the project's team, shown on the Contact and About pages; never with an
    e-mail address: visitors write through the contact form."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    role = models.CharField(max_length=150, blank=True, verbose_name=_("role"))
    organisation = models.CharField(max_length=150, blank=True, verbose_name=_("organisation"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("order"), help_text=_("Smaller numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("sort_order"),
    ]
    # A person's name is not translated; the picture and the order are the same in every language.
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("photo"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; translatable so that French visitors read French labels."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # The name its answers are stored under stays the English one in every language.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def clean(self):
        super().clean()
        if self.get_field_clean_name() in BOT_TRAP_FIELDS:
            raise ValidationError({"label": _("This label is reserved: choose another one.")})


class ContactSubmission(AbstractFormSubmission):
    """A message sent through the contact form: Wagtail's submission plus the sender's IP
    address, which only the rate limit reads (not shown in the admin); deleted with it after
    the retention period (purge_contact_submissions)."""

    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta(AbstractFormSubmission.Meta):
        indexes = [models.Index(fields=["ip_address", "submit_time"])]


def email_fields(form):
    """The names of the form's e-mail fields, where the visitor gives their address."""
    return [name for name, field in form.fields.items() if isinstance(field, forms.EmailField)]


class ContactPage(KnownRestrictionsMixin, AbstractEmailForm):
    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        verbose_name=_("thank-you text"),
        help_text=_("Shown once a message is sent."),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail of each message (never shown on the site)"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, PassageField("intro")]
    # The addresses are the same in every language; the subject is translated.
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
    ]

    # Under a home page: home/models.py says so, as the top of the site.
    subpage_types = []
    max_count_per_parent = 1
    form_builder = ContactFormBuilder

    class Meta:
        verbose_name = _("contact page")

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views need the app registry, which is still loading
        # when this module is imported (contact.admin_views imports no model of ours).
        from .admin_views import ContactSubmissionsView

        return ContactSubmissionsView

    def process_form_submission(self, form, ip_address=None):
        """Stored with the sender's address (for the rate limit), and queued to the page's
        addresses with the sender's as Reply-To."""
        submission = ContactSubmission.objects.create(
            form_data=form.cleaned_data, page=self, ip_address=ip_address
        )
        if self.to_address:
            self.send_mail(form)
        return submission

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(
            self.subject or self.title,
            self.render_email(form),
            addresses,
            self.from_address,
            reply_to=[form.cleaned_data[name] for name in email_fields(form)],
        )

    def get_context(self, request, *args, form=None, **kwargs):
        """Besides the page: the form (a posted one with its errors, or a blank one), its
        hidden anti-bot fields, stamped now, and the privacy notice."""
        context = super().get_context(request, *args, **kwargs)
        context["form"] = form or self.get_form(page=self, user=request.user)
        context["trap_form"] = BotTrapForm(page=self)
        context["privacy_url"] = privacy_notice_url(request)
        return context

    def serve(self, request, *args, **kwargs):
        """A GET shows the form (get_context's). Messages are posted to
        contact.views.send_message, under the form's protections, never here (Wagtail's form
        page would take them without)."""
        if request.method == "POST":
            return redirect(self.url)
        return TemplateResponse(request, self.get_template(request), self.get_context(request))
