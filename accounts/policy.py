"""Who needs a second factor, and what marks a session verified by one (docs/security.md)."""

import time

import django_otp
from django.conf import settings
from django.contrib.auth import logout

from editorial.roles import ADMINISTRATORS, MODERATORS

# Those who see visitors' personal data and can publish: a password alone must not be enough.
ROLES_REQUIRING_A_SECOND_FACTOR = (MODERATORS, ADMINISTRATORS)
# When the session was verified (seconds since the epoch), beside django-otp's device id.
VERIFIED_AT_SESSION_KEY = "second_factor_verified_at"


def second_factor_required(user):
    """Moderators and administrators (superusers too) need one while ADMIN_2FA_REQUIRED is on."""
    if not settings.ADMIN_2FA_REQUIRED:
        return False
    return (
        user.is_superuser or user.groups.filter(name__in=ROLES_REQUIRING_A_SECOND_FACTOR).exists()
    )


def has_second_factor(user):
    """Whether the user has enrolled: anyone enrolled verifies at login, required or not."""
    return django_otp.user_has_device(user, confirmed=True)


def mark_verified(request, device):
    """The session passed the second factor with `device`: a new session key (no fixation),
    and the time, which bounds the verification to SESSION_COOKIE_AGE."""
    request.session.cycle_key()
    django_otp.login(request, device)
    request.session[VERIFIED_AT_SESSION_KEY] = time.time()


def verification_expired(request):
    """A verified session older than SESSION_COOKIE_AGE, however often it was used since."""
    verified_at = request.session.get(VERIFIED_AT_SESSION_KEY, 0)
    return time.time() - verified_at > settings.SESSION_COOKIE_AGE


def end_expired_verification(request):
    """Log out a session whose verification expired; True when it did."""
    if request.user.is_verified() and verification_expired(request):
        logout(request)
        return True
    return False
