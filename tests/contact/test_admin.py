import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from contact.models import ContactFormField, ContactSubmission
from editorial.roles import EDITORS, MODERATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(contact_page):
    return ContactSubmission.objects.create(
        page=contact_page, form_data={"name": "Ana Lopes", "message": "Private question"}
    )


def submissions_seen_by(client, group, page):
    client.force_login(UserFactory(groups=[Group.objects.get(name=group)]))
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    return response.status_code, "Private question" in response.content.decode()


def test_moderators_read_the_messages(client, contact_page, submission):
    assert submissions_seen_by(client, MODERATORS, contact_page) == (200, True)


def test_editors_do_not_read_the_messages(client, contact_page, submission):
    status, seen = submissions_seen_by(client, EDITORS, contact_page)

    assert not seen
    assert status in (302, 403)


@pytest.mark.parametrize("label", ["Homepage", "Form time"])
def test_a_form_field_may_not_take_the_name_of_an_anti_bot_field(contact_page, label):
    field = ContactFormField(page=contact_page, label=label, field_type="singleline")

    with pytest.raises(ValidationError, match="reserved"):
        field.clean()


def test_an_ordinary_label_is_accepted_and_asked_on_the_form(contact_page):
    field = ContactFormField(page=contact_page, label="Your city", field_type="singleline")
    field.clean()
    field.save()

    assert contact_page.get_form().fields["your_city"].label == "Your city"


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("=1+1", "'=1+1"),
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("-2", "'-2"),
        ("How can our city join?", "How can our city join?"),
    ],
)
def test_the_csv_export_of_the_messages_writes_formulas_as_text(client, contact_page, typed, cell):
    ContactSubmission.objects.create(page=contact_page, form_data={"name": typed})
    client.force_login(UserFactory(groups=[Group.objects.get(name=MODERATORS)]))

    response = client.get(
        reverse("wagtailforms:list_submissions", args=[contact_page.pk]), {"export": "csv"}
    )

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Name"] for row in rows] == [cell]
