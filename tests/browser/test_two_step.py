"""A moderator, required to use a second factor, enrols an authenticator app at their first
login (the secret read from the page, the app's codes computed here), then logs in again: a
mistyped code first, which is refused visibly, then the right one."""

import re

import pytest
from playwright.sync_api import expect

from editorial.roles import MODERATORS
from tests.browser.conftest import PASSWORD
from tests.second_factor import code_from_key, key_from_secret

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.ADMIN_2FA_REQUIRED = True


def sign_in_with_password(page, user):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_moderator_enrols_an_authenticator_app_then_logs_in_with_a_code(
    new_page, screenshot, make_user
):
    moderator = make_user("moderator", MODERATORS)

    first_visit = new_page()
    sign_in_with_password(first_visit, moderator)
    expect(first_visit.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    expect(
        first_visit.get_by_role("img", name="QR code for your authenticator app")
    ).to_be_visible()
    screenshot(first_visit, "1-enrolment")
    key = key_from_secret(first_visit.locator("#two-step-secret").inner_text())
    first_visit.get_by_role("textbox", name="Code").fill(code_from_key(key))
    first_visit.get_by_role("button", name="Confirm").click()
    expect(first_visit.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(first_visit.locator(".two-step-recovery-codes li")).to_have_count(10)
    screenshot(first_visit, "2-recovery-codes")
    first_visit.get_by_role("link", name="I have kept them, continue").click()
    expect(first_visit).to_have_title(re.compile(r"^Dashboard"))

    second_visit = new_page()
    sign_in_with_password(second_visit, moderator)
    expect(second_visit.get_by_role("heading", level=1)).to_have_text("Two-step verification")
    # A mistyped code is refused, visibly and aloud.
    second_visit.get_by_role("textbox", name="Code").fill("000000")
    second_visit.get_by_role("button", name="Verify").click()
    expect(second_visit.get_by_role("alert")).to_contain_text("This code is not valid.")
    expect(second_visit.get_by_role("alert")).to_be_visible()
    screenshot(second_visit, "3-wrong-code")
    second_visit.wait_for_timeout(1500)  # reading the app again: past the wrong code's delay
    # The code of the enrolment's period is spent: the app's next one.
    second_visit.get_by_role("textbox", name="Code").fill(code_from_key(key, periods_ahead=1))
    screenshot(second_visit, "4-verification")
    second_visit.get_by_role("button", name="Verify").click()
    expect(second_visit).to_have_title(re.compile(r"^Dashboard"))
    second_visit.goto("/admin/visitor-comments/")
    expect(second_visit.get_by_role("heading", level=1)).to_have_text("Visitor comments")
