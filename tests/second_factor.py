"""The admin's second factor in tests: a phone's authenticator app, computed here."""

import base64
import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

SECRET_ON_PAGE = re.compile(r'<code id="two-step-secret">([A-Z2-7]+)</code>')


def authenticator_for(user):
    """A confirmed authenticator app, as enrolment leaves it."""
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def code_from_key(key, periods_ahead=0, step=30, digits=6):
    """What an authenticator app holding `key` (bytes) shows now, or `periods_ahead` periods of
    `step` seconds later (a code is accepted once: a second login in the same period needs the
    next one)."""
    code = totp(key, step=step, t0=-periods_ahead * step, digits=digits)
    return f"{code:0{digits}d}"


def current_code(device, periods_ahead=0):
    return code_from_key(device.bin_key, periods_ahead, device.step, device.digits)


def key_from_secret(secret):
    """The key behind the secret that the enrolment page shows (base32 without padding)."""
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def secret_on_page(html):
    return SECRET_ON_PAGE.search(html)[1]
