from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

DEMO_PASSWORD = "liaise-dev"
# username → group (None: superuser)
DEMO_USERS = {
    "admin": None,
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator": TRANSLATORS,
}


class Command(BaseCommand):
    help = "Create demo accounts for local development: admin, editor, moderator, translator."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local development only (DEBUG is off).")
        created = [username for username, group in DEMO_USERS.items() if create(username, group)]
        if created:
            self.stdout.write(
                f"Demo accounts created: {', '.join(created)} — password “{DEMO_PASSWORD}” "
                "(development only)."
            )
        self.stdout.write(
            f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/ as "
            f"{', '.join(DEMO_USERS)} (development only)."
        )


def create(username, group_name):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return False
    email = f"{username}@example.org"
    if group_name is None:
        User.objects.create_superuser(username, email, DEMO_PASSWORD)
    else:
        user = User.objects.create_user(username, email, DEMO_PASSWORD, first_name=username.title())
        user.groups.add(Group.objects.get(name=group_name))
    return True
