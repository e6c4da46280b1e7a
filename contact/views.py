"""A visitor's message, from the contact form to the mail queue: the one way in.

The form of a Contact page posts to `/<language>/contact-form/<page id>/` (never to the page,
whose cached copy carries no CSRF token: discussion/guards.py), and send_message() takes it
through one flow, with the comment form's protections:

1. where it comes from: only from this site's pages (guards.posted_from_this_site, 403);
2. the fields the editor chose (Wagtail's form builder): errors shown with the text kept;
3. the honeypot and the time stamp (discussion.rules.bot_sign): refused with the reason (400);
4. under the sender's lock (discussion.rules.lock_author): not too often (429);
5. stored (ContactSubmission) and mailed to the page's addresses through the mail queue, in one
   transaction;
6. Post/Redirect/Get to the thank-you page.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from discussion.forms import BotTrapForm
from discussion.guards import posted_by_the_form_of, public_page_of
from discussion.rules import FORGED, HONEYPOT, TOO_FAST, TOO_OLD, RateLimit, bot_sign, lock_author

from .models import ContactPage, ContactSubmission, email_fields

BOT_SIGN_MESSAGES = {
    HONEYPOT: _(
        "Your message was not sent: the hidden field “Leave this field empty” was filled in, "
        "as programs do. If you are a person, please send it again."
    ),
    FORGED: _("Your message was not sent: the form could not be checked. Please send it again."),
    TOO_FAST: _(
        "Your message was not sent: it came too quickly after the page opened, as programs "
        "do. Please check it, then send it again."
    ),
    TOO_OLD: _("Your message was not sent: the form was open for too long. Please send it again."),
}
TOO_OFTEN = _(
    "Your message was not sent: you are sending messages too quickly. Please wait a few "
    "minutes, then send it again."
)


@posted_by_the_form_of(ContactPage)
def send_message(request, page):
    form = page.get_form(request.POST, page=page, user=request.user)
    trap = BotTrapForm(request.POST, page=page)
    if not form.is_valid():
        return render_page_with_form(page, request, form)
    if refusal := bot_refusal(trap):
        form.add_error(None, refusal)
        return render_page_with_form(page, request, form, status=400)
    if not store_unless_too_often(page, form, request.META.get("REMOTE_ADDR") or None):
        form.add_error(None, TOO_OFTEN)
        return render_page_with_form(page, request, form, status=429)
    return redirect("contact_sent", page_id=page.pk)


@require_GET
def message_sent(request, page_id):
    """The thank-you page: its own address, so that reloading it sends nothing again."""
    return public_page_of(request, page_id, ContactPage).render_landing_page(request)


def bot_refusal(trap):
    """Why the message is refused as a program's, or None."""
    if not trap.is_valid():
        return BOT_SIGN_MESSAGES[FORGED]
    sign = bot_sign(trap)
    return BOT_SIGN_MESSAGES[sign.kind] if sign else None


@transaction.atomic
def store_unless_too_often(page, form, ip_address):
    """Store and mail the message, unless its sender (by e-mail or address) sends too often;
    under the sender's lock, so that simultaneous posts are counted one after the other."""
    email_field = next(iter(email_fields(form)), None)
    email = form.cleaned_data[email_field] if email_field else ""
    lock_author(ip_address, email)
    if sent_too_often(ip_address, email_field, email):
        return None
    return page.process_form_submission(form, ip_address=ip_address)


def sent_too_often(ip_address, email_field, email):
    by_sender = Q()
    if ip_address:
        by_sender |= Q(ip_address=ip_address)
    if email:
        by_sender |= Q(**{f"form_data__{email_field}__iexact": email})
    if not by_sender:
        return False
    limit = RateLimit(
        settings.CONTACT_FLOOD_SECONDS,
        settings.CONTACT_RATE_LIMIT,
        settings.CONTACT_RATE_WINDOW_SECONDS,
    )
    return limit.exceeded_by(ContactSubmission.objects.filter(by_sender), "submit_time")


def render_page_with_form(page, request, form, status=200):
    context = page.get_context(request, form=form)
    return TemplateResponse(request, page.get_template(request), context, status=status)
