from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Create the LIAISE 2 demo pages (only those missing) and rebuild the indexes."

    def handle(self, *args, **options):
        with transaction.atomic(), indexes_rebuilt_at_the_end():
            home = load_demo_content()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {home.get_descendants().count()} pages.")
        )


@contextmanager
def indexes_rebuilt_at_the_end():
    """No search or reference indexing at each save while the demo is written: the command
    rebuilds both indexes once at the end (they took two fifths of the loading time)."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
