"""The contact form's fields, as the editor chose them in Wagtail's form builder, with the limits
a visitor's message must respect."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

# A line break in a name or subject would start a line of its own in the e-mail ("Bcc: …").
one_line = RegexValidator(
    r"[\r\n]",
    inverse_match=True,
    message=_("This field takes one line: remove the line breaks."),
    code="line_break",
)


class ContactFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        form_field = super().create_singleline_field(field, options)
        form_field.validators.append(one_line)
        return form_field

    def create_multiline_field(self, field, options):
        options["max_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)
