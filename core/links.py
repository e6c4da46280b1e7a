"""What pages link to: the documents listed under a page, and pages an editor chose in a
setting (privacy notice, contact, legal notice), followed into the visitor's language."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page

from pagecache.data import cached_per_generation


class PageDocument(Orderable):
    """A file listed under a page's "Documents" (a seminar's, a pilot project's); subclasses
    add the `page` ParentalKey (related name `documents`)."""

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("file")
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True


def chosen_page_url(request, name, chosen_page):
    """The URL of the page `chosen_page()` returns (None without one), in the active language
    when it has a live translation in it; kept until the next change of content, like the rest
    of the page's chrome."""
    language = get_language()

    def find():
        page = chosen_page()
        if page is None:
            return None
        translated = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, locale__language_code=language)
            .first()
        )
        return (translated or page).get_url(request)

    # Pages chosen in a setting: their publication starts a new generation (pagecache.signals).
    return cached_per_generation(f"pagecache:{name}:{language}", find, sections=())
