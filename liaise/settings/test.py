"""Tests: PostgreSQL on the throwaway cluster tests/conftest.py starts (host and port filled in
there), fast password hashing, in-memory cache; mail is queued as in production and delivered to
Django's in-memory outbox (tests/conftest.py)."""

import os

from .base import *  # noqa: F403
from .base import passkey_relying_party

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "liaise",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "",
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "page_generation": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "page-generation",
        "TIMEOUT": None,
    },
}
# Off unless a test turns it on (tests/performance/test_page_cache.py): most tests change
# content between requests without publishing.
PAGE_CACHE_ENABLED = False
# Looked for once in the run, at its first request, so that query counts stay the same; the
# tests of a lost invalidation look at every request.
PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS = 24 * 3600
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    # The worker's lock file, of this test run alone.
    "LOCK_FILE_NAME": f"liaise-tests-post-office-{os.getpid()}",
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "private_media"  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "private_documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
# Not the test client's host: every absolute link must come from SITE_URL, not the request.
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "https://liaise.example.org"
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(SITE_URL)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR  # noqa: F405
# Delivered at once; tests/discussion/test_simultaneous_posts.py sets a delay to batch.
COMMENTS_MODERATORS_ALERT_DELAY_SECONDS = 0
# Off unless a test turns it on (tests/accounts/): the admin's tests log in with a password.
ADMIN_2FA_REQUIRED = False
