import datetime

import pytest
import time_machine
from django.utils import timezone
from post_office.models import Email

from contact.models import ContactSubmission
from tests.contact.conftest import FRENCH

pytestmark = pytest.mark.django_db


def page_text(response):
    return response.content.decode()


def test_valid_message_is_stored_and_queued_then_thanks_on_its_own_address(
    contact_page, message_data, send, client, deliver_mail
):
    response = send(contact_page, message_data())

    submission = ContactSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.form_data["message"] == "How can our city join the network?"
    assert "form_time" not in submission.form_data
    assert "homepage" not in submission.form_data
    assert Email.objects.count() == 1  # queued, not sent in the request
    assert response.status_code == 302
    thanks = client.get(response.url)
    assert "Thanks, we will answer soon." in page_text(thanks)
    [mail] = deliver_mail()
    assert mail.to == ["team@liaise.example.org"]
    assert mail.extra_headers["Reply-To"] == "ana@example.net"  # the queue keeps it as a header
    assert mail.subject == "Message from the website"
    assert "Message: How can our city join the network?" in mail.body


def test_reloading_the_thank_you_page_sends_nothing_again(contact_page, message_data, send, client):
    thanks_url = send(contact_page, message_data()).url

    client.get(thanks_url)
    client.get(thanks_url)

    assert ContactSubmission.objects.count() == 1
    assert Email.objects.count() == 1


def test_bad_input_comes_back_with_the_errors_and_the_visitors_text(
    contact_page, message_data, send
):
    response = send(contact_page, message_data(e_mail="not-an-address", name=""))

    html = page_text(response)
    assert response.status_code == 200
    assert "Your message could not be sent:" in html
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert "How can our city join the network?" in html
    assert "not-an-address" in html
    assert response.context["form"].errors
    assert not ContactSubmission.objects.exists()
    assert not Email.objects.exists()


def test_a_form_with_errors_gives_a_fresh_time_stamp(contact_page, message_data, send):
    posted = message_data(name="")

    response = send(contact_page, posted)

    assert posted["form_time"] not in page_text(response)
    assert 'name="form_time"' in page_text(response)


@pytest.mark.parametrize(
    ("fields", "status", "reason"),
    [
        ({"homepage": "http://spam.example"}, 400, "“Leave this field empty” was filled in"),
        ({"seconds_ago": 1}, 400, "it came too quickly after the page opened"),
        ({"seconds_ago": 3 * 3600}, 400, "the form was open for too long"),
        ({"form_time": "forged"}, 400, "the form could not be checked"),
    ],
)
def test_messages_that_look_automated_are_refused_with_the_reason_and_text_kept(
    contact_page, message_data, send, fields, status, reason
):
    response = send(contact_page, message_data(**fields))

    html = page_text(response)
    assert response.status_code == status
    assert reason in html
    assert "How can our city join the network?" in html
    assert not ContactSubmission.objects.exists()
    assert not Email.objects.exists()


def test_a_message_without_a_time_stamp_is_refused(contact_page, message_data, send):
    data = message_data()
    del data["form_time"]

    response = send(contact_page, data)

    assert response.status_code == 400
    assert not ContactSubmission.objects.exists()


def test_a_second_message_within_the_flood_interval_is_refused_with_text_kept(
    contact_page, message_data, send
):
    send(contact_page, message_data())

    response = send(contact_page, message_data(message="One more thing."))

    assert response.status_code == 429
    assert "you are sending messages too quickly" in page_text(response)
    assert "One more thing." in page_text(response)
    assert ContactSubmission.objects.count() == 1


def test_rate_limit_counts_messages_by_e_mail_and_by_address(
    contact_page, message_data, send, settings
):
    settings.CONTACT_RATE_LIMIT = 2
    start = timezone.now()

    def send_at(minutes, email, ip):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            return send(contact_page, message_data(e_mail=email), ip=ip).status_code

    send_at(0, "ana@example.net", "198.51.100.1")
    send_at(2, "ana@example.net", "198.51.100.2")
    same_e_mail = send_at(4, "ana@example.net", "198.51.100.3")
    send_at(4, "bob@example.net", "198.51.100.2")
    same_address = send_at(6, "carol@example.net", "198.51.100.2")
    someone_else = send_at(6, "dan@example.net", "198.51.100.4")

    assert (same_e_mail, same_address, someone_else) == (429, 429, 302)
    assert ContactSubmission.objects.count() == 4


def test_the_rate_limit_window_passes(contact_page, message_data, send, settings):
    settings.CONTACT_RATE_LIMIT = 1
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        send(contact_page, message_data())
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        response = send(contact_page, message_data())

    assert response.status_code == 302
    assert ContactSubmission.objects.count() == 2


def test_a_post_from_another_site_is_refused(contact_page, message_data, send):
    response = send(contact_page, message_data(), HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403
    assert not ContactSubmission.objects.exists()


def test_a_post_from_this_site_without_a_csrf_token_is_accepted(contact_page, message_data, send):
    response = send(
        contact_page,
        message_data(),
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 302
    assert ContactSubmission.objects.count() == 1


def test_posting_to_the_page_itself_stores_nothing(contact_page, message_data, client):
    client.post(contact_page.url, message_data())

    assert not ContactSubmission.objects.exists()


def test_a_reload_of_the_form_address_goes_back_to_the_page(contact_page, client):
    from tests.contact.conftest import send_url

    response = client.get(send_url(contact_page))

    assert response.status_code == 302
    assert response.url == contact_page.url


def test_an_unpublished_contact_page_takes_no_message(contact_page, message_data, send):
    contact_page.unpublish()

    response = send(contact_page, message_data())

    assert response.status_code == 404
    assert not ContactSubmission.objects.exists()


def test_a_message_over_the_limit_is_refused_with_its_length(
    contact_page, message_data, send, settings
):
    response = send(contact_page, message_data(message="x" * 1_000_000))

    assert response.status_code == 200
    assert (
        f"Ensure this value has at most {settings.CONTACT_MESSAGE_MAX_LENGTH} characters "
        "(it has 1000000)." in page_text(response)
    )
    assert not ContactSubmission.objects.exists()
    assert not Email.objects.exists()


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_a_line_break_in_a_one_line_field_is_refused(contact_page, message_data, send, field):
    response = send(contact_page, message_data(**{field: "Ana\r\nBcc: everyone@example.org"}))

    assert response.status_code == 200
    assert "This field takes one line: remove the line breaks." in page_text(response)
    assert not ContactSubmission.objects.exists()
    assert not Email.objects.exists()


def test_the_limits_are_explained_in_french(contact_page, message_data, send, translate, french):
    translate(contact_page, FRENCH)
    french_page = contact_page.get_translation(french)

    response = send(
        french_page, message_data(page=french_page, name="Ana\nLopes", message="x" * 5001)
    )

    html = page_text(response)
    assert "Ce champ tient sur une ligne : retirez les retours à la ligne." in html
    assert "comporte au plus 5000 caractères (actuellement 5001)" in html
