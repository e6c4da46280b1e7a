"""The admin's second factor in tests: a phone's authenticator app and a passkey, computed
here."""

import base64
import hashlib
import json
import os
import re

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

SECRET_ON_PAGE = re.compile(r'<code id="two-step-secret">([A-Z2-7]+)</code>')
# WebAuthn's authenticator data flags: user present (0x01), verified (0x04), key attested (0x40).
USER_PRESENT_AND_VERIFIED = 0x05
USER_PRESENT_AND_VERIFIED_AND_ATTESTED = 0x45


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


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SoftAuthenticator:
    """A passkey computed here (ES256, attestation "none", user present and verified), answering
    django-otp-webauthn's options as a browser and an authenticator would."""

    def __init__(self, origin):
        self.origin = origin
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0

    def authenticator_data(self, rp_id, flags, attested=b""):
        self.sign_count += 1
        rp_id_hash = hashlib.sha256(rp_id.encode()).digest()
        return rp_id_hash + bytes([flags]) + self.sign_count.to_bytes(4, "big") + attested

    def client_data(self, kind, challenge):
        return json.dumps(
            {"type": kind, "challenge": challenge, "origin": self.origin}, separators=(",", ":")
        ).encode()

    def cose_public_key(self):
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )

    def register(self, options):
        """The answer to navigator.credentials.create(options)."""
        attested = (
            bytes(16) + len(self.credential_id).to_bytes(2, "big") + self.credential_id
        ) + self.cose_public_key()
        auth_data = self.authenticator_data(
            options["rp"]["id"], USER_PRESENT_AND_VERIFIED_AND_ATTESTED, attested
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "attestationObject": b64url(attestation),
                "clientDataJSON": b64url(self.client_data("webauthn.create", options["challenge"])),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
        }

    def authenticate(self, options):
        """The answer to navigator.credentials.get(options)."""
        auth_data = self.authenticator_data(options["rpId"], USER_PRESENT_AND_VERIFIED)
        client_data = self.client_data("webauthn.get", options["challenge"])
        signature = self.key.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "authenticatorData": b64url(auth_data),
                "clientDataJSON": b64url(client_data),
                "signature": b64url(signature),
            },
            "clientExtensionResults": {},
        }
