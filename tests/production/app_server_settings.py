"""The production settings as tests serve them with gunicorn: static files without content
hashes, which would need a collectstatic (12 s) before each run."""

from liaise.settings.production import *  # noqa: F403
from liaise.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
