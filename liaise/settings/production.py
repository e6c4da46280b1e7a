"""Production: everything comes from the environment, and a real secret key is mandatory."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False

if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured(
        "Set the SECRET_KEY environment variable to a random string of at least 32 characters."
    )
