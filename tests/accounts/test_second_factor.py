"""The admin's second factor: enrolment, verification after the password, recovery codes, the
lockout, the policy by role and resets (docs/security.md)."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.devices import RESET_ACTION, replace_recovery_codes
from accounts.policy import VERIFIED_AT_SESSION_KEY
from tests.second_factor import (
    authenticator_for,
    code_from_key,
    current_code,
    key_from_secret,
    secret_on_page,
)

pytestmark = pytest.mark.django_db

PASSWORD = "secret-password"  # tests.factories.UserFactory's
ADDRESS = "203.0.113.7"
QUEUE = "/admin/visitor-comments/"
ADMIN_URLS = ["/admin/", QUEUE, f"{QUEUE}?export=csv", "/admin/pages/"]


def log_in(client, user, password=PASSWORD, login_url="/admin/login/"):
    """The admin's real login form (Wagtail's, or Django's), from ADDRESS."""
    return client.post(
        login_url, {"username": user.username, "password": password}, REMOTE_ADDR=ADDRESS
    )


def enter_code(client, code, next_url="/admin/"):
    return client.post(
        f"/admin/two-step/verify/?next={next_url}", {"code": code}, REMOTE_ADDR=ADDRESS
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


# -- Policy: who must enrol -------------------------------------------------------------------


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_moderator_without_a_device_is_sent_to_enrolment_from_every_admin_url(
    client, moderator, url
):
    log_in(client, moderator)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-step/set-up/?next=")


def test_administrator_and_superuser_without_a_device_are_sent_to_enrolment(client, administrator):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    for user in (administrator, superuser):
        log_in(client, user)

        response = client.get("/django-admin/")

        assert response["Location"].startswith("/admin/two-step/set-up/"), user


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_editor_or_translator_without_a_device_logs_in_with_the_password(client, request, role):
    log_in(client, request.getfixturevalue(role))

    assert client.get("/admin/").status_code == 200


def test_with_the_setting_off_a_moderator_logs_in_with_the_password(client, moderator, settings):
    settings.ADMIN_2FA_REQUIRED = False
    log_in(client, moderator)

    assert client.get(QUEUE).status_code == 200


def test_an_editor_who_enrolled_must_give_a_code_too(client, editor):
    authenticator_for(editor)
    log_in(client, editor)

    assert client.get("/admin/")["Location"].startswith("/admin/two-step/verify/")


def test_public_pages_and_the_api_are_unaffected(client, moderator, home):
    log_in(client, moderator)

    assert client.get("/en/").status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200


# -- Enrolment --------------------------------------------------------------------------------


def enrol(client):
    """Scan the page's secret into a (computed) app and confirm it with the app's first code."""
    secret = secret_on_page(client.get("/admin/two-step/set-up/").content.decode())
    return client.post(
        f"/admin/two-step/set-up/?next={QUEUE}", {"code": code_from_key(key_from_secret(secret))}
    )


def test_enrolment_shows_a_qr_code_and_the_secret_of_an_unconfirmed_app(client, moderator):
    log_in(client, moderator)

    response = client.get("/admin/two-step/set-up/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg width="' in html
    device = TOTPDevice.objects.get(user=moderator)
    assert not device.confirmed
    assert key_from_secret(secret_on_page(html)) == device.bin_key
    assert "no-store" in response["Cache-Control"]


def test_enrolment_with_the_apps_code_confirms_it_and_shows_the_recovery_codes_once(
    client, moderator
):
    log_in(client, moderator)

    response = enrol(client)

    assert TOTPDevice.objects.get(user=moderator).confirmed
    codes = response.context["codes"]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get(QUEUE).status_code == 200
    account_page = client.get("/admin/two-step/").content.decode()
    assert "You have 10 unused recovery codes." in account_page
    assert not any(code in account_page for code in codes)


def test_enrolment_with_a_wrong_code_leaves_the_app_unconfirmed(client, moderator):
    log_in(client, moderator)
    client.get("/admin/two-step/set-up/")

    response = client.post("/admin/two-step/set-up/", {"code": "000000"})

    assert "This code is not the one your app shows." in response.content.decode()
    assert not TOTPDevice.objects.get(user=moderator).confirmed
    assert client.get(QUEUE).status_code == 302


def test_the_account_page_offers_two_step_verification(client, editor):
    log_in(client, editor)

    assert 'href="/admin/two-step/"' in client.get("/admin/account/").content.decode()


# -- Verification at login --------------------------------------------------------------------


def test_moderator_with_an_app_needs_a_valid_code(client, moderator):
    device = authenticator_for(moderator)
    log_in(client, moderator)
    assert client.get(QUEUE)["Location"].startswith("/admin/two-step/verify/")

    response = enter_code(client, current_code(device), next_url=QUEUE)

    assert response["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200
    assert client.get(QUEUE, {"export": "csv"}).status_code == 200
    assert VERIFIED_AT_SESSION_KEY in client.session


def test_the_django_admin_login_asks_for_the_code_too(client):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    device = authenticator_for(superuser)
    log_in(client, superuser, login_url="/django-admin/login/")
    assert client.get("/django-admin/")["Location"].startswith("/admin/two-step/verify/")

    enter_code(client, current_code(device), next_url="/django-admin/")

    assert client.get("/django-admin/").status_code == 200


def test_a_wrong_code_is_refused(client, moderator):
    authenticator_for(moderator)
    log_in(client, moderator)

    response = enter_code(client, "000000")

    assert response.status_code == 200
    assert "This code is not valid." in response.content.decode()
    assert client.get(QUEUE).status_code == 302


def test_wrong_codes_count_towards_the_lockout(client, moderator):
    device = authenticator_for(moderator)
    log_in(client, moderator)
    for _ in range(4):
        assert enter_code(client, "000000").status_code == 200

    response = enter_code(client, "000000")

    assert response.status_code == 429
    assert not is_logged_in(client)
    assert log_in(client, moderator).status_code == 429
    assert enter_code(client, current_code(device)).status_code == 302
    assert not is_logged_in(client)


def test_a_password_login_does_not_reset_the_count_of_wrong_codes(client, moderator):
    authenticator_for(moderator)
    for _ in range(2):
        log_in(client, moderator)
        enter_code(client, "000000")
        enter_code(client, "000000")
    log_in(client, moderator)

    assert enter_code(client, "000000").status_code == 429


def test_a_recovery_code_works_once(client, moderator):
    authenticator_for(moderator)
    recovery_code = replace_recovery_codes(moderator)[0]
    log_in(client, moderator)
    assert enter_code(client, recovery_code)["Location"] == "/admin/"
    client.post("/admin/logout/")

    log_in(client, moderator)
    response = enter_code(client, recovery_code)

    assert "This code is not valid." in response.content.decode()


def test_a_verified_session_ends_after_session_cookie_age_even_if_kept_alive(client, moderator):
    device = authenticator_for(moderator)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, moderator)
        enter_code(client, current_code(device))
    age = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(start + age * 0.6, tick=False):
        session = client.session
        session["still-here"] = True  # any request that saves the session extends it
        session.save()
        assert client.get("/admin/").status_code == 200

    with time_machine.travel(start + age * 1.1, tick=False):
        response = client.get("/admin/")

    assert response["Location"].startswith("/admin/login/")
    assert not is_logged_in(client)


def test_the_verification_page_offers_nothing_to_a_user_without_a_device(client, editor):
    log_in(client, editor)

    assert client.get("/admin/two-step/verify/?next=/admin/pages/")["Location"] == "/admin/pages/"


# -- Resets -----------------------------------------------------------------------------------


def verified_client(client, user):
    device = authenticator_for(user)
    log_in(client, user)
    enter_code(client, current_code(device))
    return client


def test_an_administrator_resets_a_moderators_second_factor_and_it_is_logged(
    client, administrator, moderator
):
    authenticator_for(moderator)
    replace_recovery_codes(moderator)
    verified_client(client, administrator)

    response = client.post(f"/admin/two-step/reset/{moderator.pk}/")

    assert response["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    assert not moderator.staticdevice_set.exists()
    entry = ModelLogEntry.objects.get(action=RESET_ACTION)
    assert (entry.object_id, entry.user) == (str(moderator.pk), administrator)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Two-step verification reset" in history


def test_the_reset_asks_for_confirmation_first(client, administrator, moderator):
    authenticator_for(moderator)
    verified_client(client, administrator)

    response = client.get(f"/admin/two-step/reset/{moderator.pk}/")

    assert "Remove the authenticator app, passkeys and recovery codes of moderator?" in (
        response.content.decode()
    )
    assert TOTPDevice.objects.filter(user=moderator).exists()


def test_the_users_listing_offers_the_reset_to_administrators(client, administrator, moderator):
    verified_client(client, administrator)

    html = client.get("/admin/users/").content.decode()

    assert f"/admin/two-step/reset/{moderator.pk}/" in html


def test_an_editor_cannot_reset_anyones_second_factor(client, editor, moderator):
    authenticator_for(moderator)
    log_in(client, editor)

    response = client.post(f"/admin/two-step/reset/{moderator.pk}/")

    # Wagtail's answer to a permission denied: back to the dashboard, with a message.
    assert response["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=moderator).exists()


def test_a_right_code_typed_too_soon_after_a_wrong_one_says_to_wait(client, moderator):
    device = authenticator_for(moderator)
    log_in(client, moderator)
    enter_code(client, "000000")

    response = enter_code(client, current_code(device))

    assert "Wait 1 second before the next code" in response.content.decode()
    assert client.get(QUEUE).status_code == 302
