import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from contact.models import ContactSubmission

pytestmark = pytest.mark.django_db


def submission_at(page, when):
    with time_machine.travel(when, tick=False):
        return ContactSubmission.objects.create(page=page, form_data={"message": "Hello"})


def test_purge_deletes_only_messages_older_than_the_retention_period(
    contact_page, settings, capsys
):
    settings.CONTACT_SUBMISSION_RETENTION_DAYS = 30
    now = timezone.now()
    old = submission_at(contact_page, now - datetime.timedelta(days=31))
    recent = submission_at(contact_page, now - datetime.timedelta(days=29))

    call_command("purge_contact_submissions")

    remaining = set(ContactSubmission.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk}
    assert old.pk not in remaining
    assert "Deleted 1 contact message(s) older than 30 days." in capsys.readouterr().out
