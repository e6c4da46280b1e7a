import json

from django.core.management.base import BaseCommand

from discussion.models import VisitorComment
from discussion.notifications import comment_url


class Command(BaseCommand):
    help = (
        "Print as JSON every comment posted with this e-mail address (answer to a data access "
        "request); the summary line goes to stderr."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        comments = (
            VisitorComment.objects.by_author(email)
            .select_related("page", "page__locale")
            .order_by("created_at", "pk")
        )
        data = [commenter_data(comment) for comment in comments]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        self.stderr.write(f"Exported {len(data)} comment(s) by {email}.")


def commenter_data(comment):
    return {
        "id": comment.pk,
        "page": comment.page.title,
        "page_url": comment.page.specific.full_url,
        "comment_url": comment_url(comment),
        "in_reply_to": comment.parent_id,
        "name": comment.author_name,
        "email": comment.author_email,
        "website": comment.author_url,
        "text": comment.text,
        "status": comment.status,
        "posted_at": comment.created_at.isoformat(),
        "status_changed_at": comment.status_changed_at.isoformat(),
        "ip_address": comment.ip_address,
        "browser": comment.user_agent,
        "notify_of_replies": comment.notify_of_replies,
    }
