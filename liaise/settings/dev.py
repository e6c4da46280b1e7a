"""Local development: DEBUG on, a fixed throwaway secret, mails printed to the console as soon
as they are queued."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: F405
ALLOWED_HOSTS = ["*"] if DEBUG else ALLOWED_HOSTS  # noqa: F405
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
    "DEFAULT_PRIORITY": "now",
}
# Template changes show at once; PAGE_CACHE=1 to try the page cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=False)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR  # noqa: F405
# `make run`'s demo accounts log in with their password (ADMIN_2FA_REQUIRED=1 to try it).
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", default=False)
