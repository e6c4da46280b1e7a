"""The user's second factors, kept by django-otp: one authenticator app (TOTP), a set of
single-use recovery codes (a static device), and passkeys (django-otp-webauthn)."""

import base64
import math

import django_otp
import qrcode
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from qrcode.image.svg import SvgPathFillImage
from wagtail.log_actions import log

RECOVERY_CODE_COUNT = 10
RESET_ACTION = "accounts.second_factor_reset"


def pending_authenticator(user):
    """The authenticator app being set up: unconfirmed until a first code from it is right, so
    that a secret never scanned cannot lock its owner out."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def secret_text(device):
    """The secret as authenticator apps take it when typed in (base32, no padding)."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_code_svg(device):
    """The otpauth:// address as an SVG QR code, to put inline (no script, no style)."""
    image = qrcode.make(device.config_url, image_factory=SvgPathFillImage, box_size=8)
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm_authenticator(device):
    """The app answered: it becomes the user's, with fresh recovery codes (returned)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return replace_recovery_codes(device.user)


@transaction.atomic
def replace_recovery_codes(user):
    """New single-use codes, the old ones void; returned for the one page that shows them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": _("Recovery codes"), "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def seconds_before_next_try(user):
    """How long django-otp still refuses any code after wrong ones (each wrong code doubles
    the wait), when every device of the user refuses: a right code typed too soon is refused
    too, and the user must know why. 0 when a device would check a code now."""
    now = timezone.now()
    waits = []
    for device in django_otp.devices_for_user(user):
        allowed, info = device.verify_is_allowed()
        if allowed or not (info and info.get("locked_until")):
            return 0
        waits.append((info["locked_until"] - now).total_seconds())
    return math.ceil(min(waits, default=0))


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user).count()


def passkey_count(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).count()


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def reset_second_factor(user, by):
    """Remove every device of `user` (a lost phone), logged in Wagtail's history as done `by`."""
    for device in django_otp.devices_for_user(user, confirmed=None):
        device.delete()
    log(instance=user, action=RESET_ACTION, user=by)
