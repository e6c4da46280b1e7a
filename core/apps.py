from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every content app shares: blocks, querysets, listings, the section index base,
    places, search fields and the site's public address."""

    name = "core"
    verbose_name = _("Shared core")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .site_address import follow_site_url

        post_migrate.connect(follow_site_url, sender=apps.get_app_config("wagtailcore"))
