"""Passkeys as the admin's second factor (django-otp-webauthn): enrolment, verification after the
password, the lockout, resets and French (docs/security.md). The passkey is computed here
(tests.second_factor.SoftAuthenticator); tests/browser/test_passkeys.py uses Chromium's."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.users.models import UserProfile

from accounts.policy import VERIFIED_AT_SESSION_KEY
from liaise.settings.base import passkey_relying_party
from tests.accounts.test_second_factor import (
    ADDRESS,
    QUEUE,
    enter_code,
    is_logged_in,
    log_in,
    verified_client,
)
from tests.production.test_production_settings import production_settings
from tests.second_factor import SoftAuthenticator, authenticator_for

pytestmark = pytest.mark.django_db

PASSKEYS = "/admin/two-step/passkeys"


def post_json(client, url, data=None):
    return client.post(
        url, json.dumps(data or {}), content_type="application/json", REMOTE_ADDR=ADDRESS
    )


def register_passkey(client, passkey):
    """What the enrolment page's button does: the options, the browser's prompt, the answer."""
    options = post_json(client, f"{PASSKEYS}/registration/begin/").json()
    return post_json(client, f"{PASSKEYS}/registration/complete/", passkey.register(options))


def use_passkey(client, passkey, next_url=QUEUE):
    """What the verification page's "Use a passkey" button does."""
    options = post_json(client, f"{PASSKEYS}/authentication/begin/").json()
    return post_json(
        client,
        f"{PASSKEYS}/authentication/complete/?next={next_url}",
        passkey.authenticate(options),
    )


def new_passkey():
    return SoftAuthenticator(origin=settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0])


@pytest.fixture
def moderators_passkey(moderator):
    """A passkey the moderator registered at their first login, in a session since ended."""
    passkey = new_passkey()
    first_login = Client()
    log_in(first_login, moderator)
    assert register_passkey(first_login, passkey).status_code == 200
    return passkey


# -- Enrolment --------------------------------------------------------------------------------


def test_the_enrolment_page_offers_a_passkey(client, moderator):
    log_in(client, moderator)

    html = client.get("/admin/two-step/set-up/").content.decode()

    assert 'id="passkey-register-button"' in html
    assert 'id="otp_webauthn_config"' in html


def test_a_moderator_enrols_with_a_passkey_and_the_session_is_verified(client, moderator):
    log_in(client, moderator)
    assert client.get(QUEUE).status_code == 302

    response = register_passkey(client, new_passkey())

    assert response.status_code == 200
    assert WebAuthnCredential.objects.get(user=moderator).confirmed
    assert VERIFIED_AT_SESSION_KEY in client.session
    assert client.get(QUEUE).status_code == 200


def test_an_enrolled_user_cannot_add_a_passkey_before_verifying(client, moderator):
    authenticator_for(moderator)
    log_in(client, moderator)

    response = post_json(client, f"{PASSKEYS}/registration/begin/")

    assert response["Location"].startswith("/admin/two-step/verify/")
    assert not WebAuthnCredential.objects.exists()


def test_the_account_page_counts_the_passkeys_and_offers_another(client, moderator):
    verified_client(client, moderator)
    register_passkey(client, new_passkey())

    html = client.get("/admin/two-step/").content.decode()

    assert "You have 1 passkey:" in html
    assert 'id="passkey-register-button"' in html


# -- Verification at login --------------------------------------------------------------------


def test_a_moderator_with_a_passkey_is_offered_it_beside_the_code(
    client, moderator, moderators_passkey
):
    log_in(client, moderator)

    response = client.get(QUEUE)

    assert response["Location"].startswith("/admin/two-step/verify/")
    html = client.get(response["Location"]).content.decode()
    assert "Use a passkey" in html
    assert 'id="passkey-verification-button"' in html


def test_the_verification_page_offers_no_passkey_to_a_user_without_one(client, moderator):
    authenticator_for(moderator)
    log_in(client, moderator)

    assert "Use a passkey" not in client.get("/admin/two-step/verify/").content.decode()


def test_a_user_with_passkeys_only_is_not_asked_for_a_code(client, moderator, moderators_passkey):
    log_in(client, moderator)

    html = client.get("/admin/two-step/verify/").content.decode()

    assert 'name="code"' not in html
    assert "Confirm with your passkey" in html


def test_a_user_with_an_app_and_a_passkey_gets_both(client, moderator, moderators_passkey):
    authenticator_for(moderator)
    log_in(client, moderator)

    html = client.get("/admin/two-step/verify/").content.decode()

    assert 'name="code"' in html
    assert "Or use one of your passkeys:" in html


def test_a_passkey_verifies_the_session(client, moderator, moderators_passkey):
    log_in(client, moderator)

    response = use_passkey(client, moderators_passkey)

    assert response.status_code == 200
    assert response.json()["redirect_url"] == QUEUE
    assert VERIFIED_AT_SESSION_KEY in client.session
    assert client.get(QUEUE).status_code == 200


def test_another_users_passkey_is_refused(client, moderator, editor, moderators_passkey):
    log_in(client, editor)
    authenticator_for(editor)

    response = use_passkey(client, moderators_passkey)

    assert response.status_code == 403
    assert client.get("/admin/")["Location"].startswith("/admin/two-step/verify/")


def test_refused_passkeys_count_towards_the_lockout_with_wrong_codes(
    client, moderator, moderators_passkey
):
    unknown_passkey = new_passkey()
    log_in(client, moderator)
    for _ in range(3):
        enter_code(client, "000000")
    refused = use_passkey(client, unknown_passkey)
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "This passkey was not accepted. Try again, or enter a code."
    )

    response = use_passkey(client, unknown_passkey)

    assert response.status_code == 429
    assert not is_logged_in(client)
    assert log_in(client, moderator).status_code == 429


def lock_out_from_elsewhere(user):
    """Wrong passwords for `user` from another browser at the same address (ADDRESS)."""
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(guesser, user, password="wrong-password")


def test_a_locked_out_user_cannot_begin_a_passkey_verification(
    client, moderator, moderators_passkey
):
    log_in(client, moderator)
    lock_out_from_elsewhere(moderator)

    response = post_json(client, f"{PASSKEYS}/authentication/begin/")

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_a_locked_out_user_cannot_use_even_the_right_passkey(client, moderator, moderators_passkey):
    log_in(client, moderator)
    options = post_json(client, f"{PASSKEYS}/authentication/begin/").json()
    lock_out_from_elsewhere(moderator)

    response = post_json(
        client, f"{PASSKEYS}/authentication/complete/", moderators_passkey.authenticate(options)
    )

    assert response.status_code == 429
    assert not is_logged_in(client)


# -- Resets -----------------------------------------------------------------------------------


def test_the_reset_removes_the_passkeys(client, administrator, moderator, moderators_passkey):
    verified_client(client, administrator)

    client.post(f"/admin/two-step/reset/{moderator.pk}/")

    assert not WebAuthnCredential.objects.filter(user=moderator).exists()


# -- In French --------------------------------------------------------------------------------


def in_french(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()


def test_the_passkey_scripts_get_their_strings_in_french(client, moderator):
    in_french(moderator)
    log_in(client, moderator)

    catalogue = client.get(f"{PASSKEYS}/jsi18n/").content.decode()

    assert '"Registration aborted."' in catalogue
    assert '"Enregistrement interrompu."' in catalogue


def test_a_refused_passkey_is_explained_in_french(client, moderator, moderators_passkey):
    in_french(moderator)
    log_in(client, moderator)

    response = use_passkey(client, new_passkey())

    assert response.json()["detail"] == (
        "Cette clé d’accès n’a pas été acceptée. Réessayez, ou saisissez un code."
    )


def test_the_librarys_own_messages_are_french(client, moderator):
    in_french(moderator)
    log_in(client, moderator)

    # Completing a registration that was never begun: django-otp-webauthn's own message.
    response = post_json(client, f"{PASSKEYS}/registration/complete/", {"id": "x"})

    assert response.status_code == 400
    assert response.json()["detail"].startswith("État manquant ou non valide.")


# -- Relying party ----------------------------------------------------------------------------


def test_a_loopback_site_url_makes_localhost_the_relying_party():
    assert passkey_relying_party("http://127.0.0.1:8000") == (
        "localhost",
        ["http://localhost:8000"],
    )


def test_production_takes_the_relying_party_from_site_url():
    values = production_settings(
        "OTP_WEBAUTHN_RP_ID", "OTP_WEBAUTHN_ALLOWED_ORIGINS", SITE_URL="https://www.example.eu"
    )

    assert values == {
        "OTP_WEBAUTHN_RP_ID": "www.example.eu",
        "OTP_WEBAUTHN_ALLOWED_ORIGINS": ["https://www.example.eu"],
    }
