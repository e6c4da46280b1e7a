from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .site_address import follow_site_url

        post_migrate.connect(follow_site_url, sender=apps.get_app_config("wagtailcore"))
