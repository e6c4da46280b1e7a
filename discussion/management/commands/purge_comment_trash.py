from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from discussion.models import CommentStatus, VisitorComment
from discussion.moderation import delete


class Command(BaseCommand):
    help = (
        "Delete for good the comments that have been in the trash for more than "
        "COMMENTS_TRASH_DAYS days (run it daily from cron)."
    )

    def handle(self, *args, **options):
        days = settings.COMMENTS_TRASH_DAYS
        expired = VisitorComment.objects.filter(
            status=CommentStatus.TRASH,
            status_changed_at__lt=timezone.now() - timedelta(days=days),
        ).select_related("page")
        with transaction.atomic():
            count = delete(expired, user=None)
        self.stdout.write(f"Deleted {count} comment(s) in the trash for more than {days} days.")
