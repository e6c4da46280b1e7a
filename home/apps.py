from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        """The top of the site declares what the apps below may not name: where the sections
        go, and what a new home page (a new language's tree) gives its writers."""
        from editorial.language_trees import grant_language_tree_to_its_writers

        from .models import HomePage, place_sections_under_home

        place_sections_under_home()
        post_save.connect(
            grant_language_tree_to_its_writers,
            sender=HomePage,
            dispatch_uid="home.grant_language_tree_to_its_writers",
        )
