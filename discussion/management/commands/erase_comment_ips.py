from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from discussion.models import VisitorComment


class Command(BaseCommand):
    help = (
        "Clear the IP address and browser of comments older than COMMENTS_IP_RETENTION_DAYS "
        "days (run it daily from cron)."
    )

    def handle(self, *args, **options):
        days = settings.COMMENTS_IP_RETENTION_DAYS
        count = (
            VisitorComment.objects.filter(created_at__lt=timezone.now() - timedelta(days=days))
            .filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
            .update(ip_address=None, user_agent="")
        )
        self.stdout.write(
            f"Erased the IP address and browser of {count} comment(s) older than {days} days."
        )
