"""liaise.mail.QueuedEmailBackend: mail is queued, not sent, and queued exactly as written,
although post_office renders what it queues as a template."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from post_office.models import STATUS, Email

pytestmark = pytest.mark.django_db

TEXT = "Dear {{ user }}, {% now 'Y' %} <b>&</b>"


def test_mail_is_queued_as_written_and_delivered_by_the_worker(deliver_mail):
    message = EmailMultiAlternatives(f"Subject {TEXT}", f"Body {TEXT}", to=["ana@example.net"])
    message.attach_alternative(f"<p>{TEXT}</p>", "text/html")

    message.send()

    queued = Email.objects.get()
    assert mail.outbox == []
    assert queued.status == STATUS.queued
    assert (queued.subject, queued.message, queued.html_message) == (
        f"Subject {TEXT}",
        f"Body {TEXT}",
        f"<p>{TEXT}</p>",
    )
    [delivered] = deliver_mail()
    assert (delivered.subject, delivered.body) == (f"Subject {TEXT}", f"Body {TEXT}")
    assert delivered.alternatives[0].content == f"<p>{TEXT}</p>"
    assert delivered.extra_headers["Message-ID"] == queued.message_id
