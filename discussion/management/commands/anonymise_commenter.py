from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from discussion.models import VisitorComment


class Command(BaseCommand):
    help = (
        "Anonymise every comment posted with this e-mail address (answer to an erasure "
        "request), as WordPress's personal data eraser does: the name becomes “Anonymous”, the "
        "e-mail, website, IP address and browser are cleared, reply notifications stop. The "
        "texts stay, so that the threads still read."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        comments = list(VisitorComment.objects.by_author(email).select_related("page__locale"))
        with transaction.atomic():
            for comment in comments:
                anonymise(comment)
        self.stdout.write(f"Anonymised {len(comments)} comment(s) by {email}.")


def anonymise(comment):
    with translation.override(comment.page.locale.language_code):
        comment.author_name = gettext("Anonymous")
    comment.author_email = ""
    comment.author_url = ""
    comment.ip_address = None
    comment.user_agent = ""
    comment.notify_of_replies = False
    comment.save(
        update_fields=[
            "author_name",
            "author_email",
            "author_url",
            "ip_address",
            "user_agent",
            "notify_of_replies",
        ]
    )
    # The moderation history is labelled with the comment as it was ("Name on “Page”").
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(VisitorComment),
        object_id=str(comment.pk),
    ).update(label=str(comment))
