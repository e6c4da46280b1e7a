"""A moderator, required to use a second factor, enrols a passkey at their first login, then logs
in again with it: Chromium's virtual authenticator (through the DevTools protocol) plays the
device that keeps the passkey and checks the user's fingerprint."""

import re

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from editorial.roles import MODERATORS
from liaise.settings.base import passkey_relying_party
from tests.browser.test_two_step import sign_in_with_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def passkeys_on_the_live_server(settings, live_server):
    """Required second factor; the live server (http://localhost:<port>) as relying party."""
    settings.ADMIN_2FA_REQUIRED = True
    settings.OTP_WEBAUTHN_RP_ID, settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(
        live_server.url
    )


def with_virtual_authenticator(page):
    """A platform authenticator (like a laptop's fingerprint reader) that always says yes."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return page


def test_moderator_enrols_a_passkey_then_logs_in_with_it(new_page, screenshot, make_user):
    moderator = make_user("moderator", MODERATORS)
    page = with_virtual_authenticator(new_page())

    sign_in_with_password(page, moderator)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    screenshot(page, "1-enrolment")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page).to_have_title(re.compile(r"^Dashboard"))
    assert WebAuthnCredential.objects.filter(user=moderator, confirmed=True).count() == 1

    page.context.clear_cookies()  # the session ends; the passkey stays on the device
    sign_in_with_password(page, moderator)
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-step verification")
    screenshot(page, "2-verification")
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_title(re.compile(r"^Dashboard"))
    page.goto("/admin/visitor-comments/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Visitor comments")
