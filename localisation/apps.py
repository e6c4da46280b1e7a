from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    name = "localisation"
    verbose_name = _("Translation workflow")

    def ready(self):
        from django.apps import apps
        from django.core.checks import register
        from django.db.models.signals import post_migrate

        from .checks import missing_interface_catalogues
        from .signals import create_content_locales

        post_migrate.connect(create_content_locales, sender=apps.get_app_config("wagtailcore"))
        register(missing_interface_catalogues)
