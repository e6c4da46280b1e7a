from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The project's team and the contact form."""

    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from pagecache.cache import invalidate

        from .models import TeamMember

        def team_changed(**kwargs):
            """Pages show the team (contact page, about page): a change is a change of
            content for the page cache, which does not watch snippets."""
            invalidate()

        post_save.connect(team_changed, sender=TeamMember, weak=False)
        post_delete.connect(team_changed, sender=TeamMember, weak=False)
