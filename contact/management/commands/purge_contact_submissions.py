from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import ContactSubmission


class Command(BaseCommand):
    help = (
        "Delete the contact form's messages older than CONTACT_SUBMISSION_RETENTION_DAYS days "
        "(run daily)."
    )

    def handle(self, *args, **options):
        days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = ContactSubmission.objects.filter(submit_time__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} contact message(s) older than {days} days.")
