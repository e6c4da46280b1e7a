"""A visitor finds the contact page from the footer, in French, meets the team and writes to
it: a mistake first, which the page says at once (the summary of errors focused), then the
message sent, stored and queued for the team."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from post_office.models import Email

from contact.models import ContactSubmission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MESSAGE = "Bonjour, comment notre ville peut-elle rejoindre le réseau LIAISE 2 ?"


def test_visitor_writes_to_the_team_through_the_french_contact_form(new_page, screenshot):
    call_command("load_demo_content", verbosity=0)
    page = new_page()

    page.goto("/fr/")
    page.locator(".site-footer__links").get_by_role("link", name="Contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact")
    expect(page.locator(".team")).to_contain_text("Juan Cristellys")
    expect(page.locator(".team")).to_contain_text("Emilie Petit")
    screenshot(page, "1-contact-page")

    form = page.locator("#contact-form")
    form.get_by_label("Nom *", exact=True).fill("Ana Lopes")
    form.get_by_label("Courriel *", exact=True).fill("ana@exemple")
    form.get_by_label("Objet *", exact=True).fill("Rejoindre le réseau")
    form.get_by_label("Message *", exact=True).fill(MESSAGE)
    form.get_by_role("button", name="Envoyer le message").click()
    expect(page).to_have_title(re.compile(r"^Erreur\W+Contact"))
    expect(form.locator(".field--error")).to_have_count(1)
    expect(form.locator(".field--error")).to_contain_text("Courriel")
    expect(form.get_by_label("Message *", exact=True)).to_have_value(MESSAGE)
    # The summary of the errors has the focus, so it is read out and the keyboard starts there.
    expect(form.locator(".form-errors")).to_be_focused()
    expect(form.locator(".form-errors")).not_to_contain_text("{#")
    screenshot(page, "2-contact-error")

    form.get_by_label("Courriel *", exact=True).fill("ana@example.net")
    form.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Merci")
    screenshot(page, "3-message-sent")

    submission = ContactSubmission.objects.get()
    assert submission.form_data["message"] == MESSAGE
    assert submission.page.locale.language_code == "fr"
    assert Email.objects.get().headers["Reply-To"] == "ana@example.net"
