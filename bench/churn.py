"""The editors and moderators of the soak (bench/run.py): while visitors load the site, a news
item is published every PUBLISH_EVERY seconds and a comment approved every MODERATE_EVERY
seconds, as the admin does them (Wagtail's publication; discussion.moderation). Run in a
process of its own with the server's environment (database, page cache):

    python -m bench.churn SECONDS

Prints a JSON line: the publications and moderations made."""

import json
import sys
import time

import django

PUBLISH_EVERY = 20
MODERATE_EVERY = 10


def main(argv):
    django.setup()
    from django.db import transaction
    from django.db.models import Count

    from discussion import moderation
    from discussion.models import CommentStatus, VisitorComment
    from news.models import NewsPage

    seconds = float(argv[0])
    # The latest news item (on the home page, first in the index and the feeds) is edited;
    # comments are approved on the news item that has the most of them.
    edited = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    commented = NewsPage.objects.live().annotate(n=Count("visitor_comments")).order_by("-n").first()
    done = {"publications": 0, "moderations": 0}
    started = time.monotonic()
    for elapsed in range(MODERATE_EVERY, int(seconds) + 1, MODERATE_EVERY):
        time.sleep(max(0.0, started + elapsed - time.monotonic()))
        with transaction.atomic():
            comment = VisitorComment.objects.create(
                page=commented,
                author_name="Soak visitor",
                author_email="soak@example.net",
                text=f"Comment approved after {elapsed} s.",
                status=CommentStatus.PENDING,
                ip_address="192.0.2.10",
            )
            moderation.moderate([comment], CommentStatus.APPROVED, None)
        done["moderations"] += 1
        if elapsed % PUBLISH_EVERY == 0:
            with transaction.atomic():
                edited.title = f"{edited.title.split(' (')[0]} ({elapsed} s)"
                edited.save_revision().publish()
            done["publications"] += 1
    print(json.dumps(done))


if __name__ == "__main__":
    main(sys.argv[1:])
