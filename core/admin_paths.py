"""The Wagtail and Django admins' addresses (ADMIN_URL_PREFIXES): they get a policy of their own
(liaise/middleware.py) and a second factor (accounts/middleware.py)."""

from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))
