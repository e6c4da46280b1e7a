import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from discussion.forms import TIMESTAMP_SALT
from tests.factories import ContactPageFactory

# The contact form's French, as a translator gives it (tests' `translate` fixture).
FRENCH = {
    "Contact": "Contact",
    "contact": "contact",
    "Write to the team.": "Écrivez à l’équipe.",
    "Name": "Nom",
    "E-mail": "Courriel",
    "Message": "Message",
    "Organisation": "Organisation",
}


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)


def form_time(page, seconds_ago=20):
    return signing.dumps({"page": page.pk, "time": time.time() - seconds_ago}, salt=TIMESTAMP_SALT)


@pytest.fixture
def message_data(contact_page):
    """A valid message as a person fills the form in, 20 seconds after opening the page."""

    def data(page=contact_page, seconds_ago=20, **fields):
        return {
            "name": "Ana Lopes",
            "e_mail": "ana@example.net",
            "organisation": "City of Porto",
            "message": "How can our city join the network?",
            "form_time": form_time(page, seconds_ago),
            "homepage": "",
            **fields,
        }

    return data


def send_url(page):
    with translation.override(page.locale.language_code):
        return reverse("contact_send", args=[page.pk])


@pytest.fixture
def send(client):
    """Post the contact form of `page` as a browser of this site does, from `ip`."""

    def post(page, data, ip="198.51.100.7", **headers):
        return client.post(send_url(page), data, REMOTE_ADDR=ip, **headers)

    return post
