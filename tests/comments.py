"""Where a page's comment form posts (discussion/visitor_views.py), as its action names it."""

from django.urls import reverse
from django.utils import translation


def comment_post_url(page):
    with translation.override(page.locale.language_code):
        return reverse("discussion_post", args=[page.pk])
