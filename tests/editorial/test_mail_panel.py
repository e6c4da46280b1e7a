"""Mail the worker could not deliver shows on the dashboard of those who may see the mail
queue, with a link to it."""

import pytest
from post_office.models import STATUS, Email

pytestmark = pytest.mark.django_db

HEADING = "e-mail could not be sent"


def email(status, subject):
    return Email.objects.create(
        from_email="noreply@localhost",
        to=["ana@example.net"],
        subject=subject,
        message="Hello",
        status=status,
        number_of_retries=3,
    )


def test_undelivered_mail_shows_on_the_dashboard_of_administrators(admin_client):
    email(STATUS.requeued, "[LIAISE 2] Your comment is published")
    email(STATUS.sent, "[LIAISE 2] Delivered")

    html = admin_client.get("/admin/").content.decode()

    assert f"1 {HEADING}" in html
    assert "[LIAISE 2] Your comment is published" in html
    assert "Failed 3 times, will be retried" in html
    assert "[LIAISE 2] Delivered" not in html
    assert 'href="/django-admin/post_office/email/"' in html


def test_no_panel_while_every_mail_is_delivered(admin_client):
    email(STATUS.sent, "[LIAISE 2] Delivered")

    assert HEADING not in admin_client.get("/admin/").content.decode()


def test_moderators_do_not_see_the_mail_queue(client, moderator):
    email(STATUS.failed, "[LIAISE 2] Your comment is published")
    client.force_login(moderator)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert HEADING not in response.content.decode()
