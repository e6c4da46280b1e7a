from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "liaise-admin"


class Command(BaseCommand):
    help = "Create a superuser for local development (refuses to run when DEBUG is off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_superuser only runs with development settings.")
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
        self.stdout.write(
            f"Log in at http://127.0.0.1:8000/admin/ as {USERNAME} / {PASSWORD} (development only)."
        )
