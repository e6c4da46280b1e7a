from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

DEMO_PASSWORD = "liaise-dev"
# username → group (None: superuser), and a full name: Wagtail's account page requires both
# names before it saves any preference (the admin's language, the time zone).
DEMO_USERS = {
    "admin": (None, "Demo", "Administrator"),
    "editor": (EDITORS, "Demo", "Editor"),
    "moderator": (MODERATORS, "Demo", "Moderator"),
    "translator": (TRANSLATORS, "Demo", "Translator"),
}
# The admin in each user's language: the translator works in French.
ADMIN_LANGUAGES = {"translator": "fr"}


class Command(BaseCommand):
    help = "Create demo accounts for local development: admin, editor, moderator, translator."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local development only (DEBUG is off).")
        created = [name for name, account in DEMO_USERS.items() if create(name, *account)]
        if created:
            self.stdout.write(
                f"Demo accounts created: {', '.join(created)} — password “{DEMO_PASSWORD}” "
                "(development only)."
            )
        self.stdout.write(
            f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/ as "
            f"{', '.join(DEMO_USERS)} (development only)."
        )


def create(username, group_name, first_name, last_name):
    """Create the account, or give an existing one the names it lacks; False if it existed."""
    User = get_user_model()
    names = {"first_name": first_name, "last_name": last_name}
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        User.objects.filter(pk=existing.pk, last_name="").update(**names)
        return False
    email = f"{username}@example.org"
    if group_name is None:
        User.objects.create_superuser(username, email, DEMO_PASSWORD, **names)
    else:
        user = User.objects.create_user(username, email, DEMO_PASSWORD, **names)
        user.groups.add(Group.objects.get(name=group_name))
    if language := ADMIN_LANGUAGES.get(username):
        profile = UserProfile.get_for_user(User.objects.get(username=username))
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return True
