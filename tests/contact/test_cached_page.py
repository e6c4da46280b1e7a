"""The Contact page is cached whole for every visitor (pagecache/): its form must still work."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from contact.models import ContactSubmission
from tests.contact.conftest import send_url

pytestmark = pytest.mark.django_db

FORM_TIME = re.compile(r'name="form_time" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 6 * 3600  # longer than a form may stay open


def test_a_message_sent_from_a_cached_contact_page_is_accepted(contact_page, message_data):
    Client().get(contact_page.url)  # now in the page cache, its form stamped now

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        served = Client().get(contact_page.url)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3, seconds=20)):
        stamp = FORM_TIME.search(served.content.decode())[1]
        response = Client().post(
            send_url(contact_page), message_data(form_time=stamp), HTTP_ORIGIN="http://testserver"
        )

    assert served["X-Page-Cache"] == "hit"
    assert response.status_code == 302
    assert ContactSubmission.objects.count() == 1
