from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Create the LIAISE 2 demo pages (only those missing) and rebuild the indexes."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = load_demo_content()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {home.get_descendants().count()} pages.")
        )
