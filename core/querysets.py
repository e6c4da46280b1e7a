from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from pagecache.data import cached_per_generation


def restricted_paths():
    """The tree paths of the pages with a view restriction (password, login, groups): every
    page whose path begins with one of them is private. Wagtail's `public()` queries the
    restrictions each time a queryset is evaluated; they change seldom, so they are read once
    until the next change of content (a restriction saved or deleted, a page moved:
    pagecache.signals)."""
    return cached_per_generation(
        "pagecache:restricted-paths",
        lambda: tuple(
            PageViewRestriction.objects.order_by().values_list("page__path", flat=True).distinct()
        ),
        sections=(),  # restrictions and moves start a new generation
    )


def private_q():
    paths = restricted_paths()
    return reduce(or_, (Q(path__startswith=path) for path in paths)) if paths else None


def public(pages):
    """`pages` without those under a view restriction (no SQL at all when there is none)."""
    private = private_q()
    return pages if private is None else pages.exclude(private)


def public_for_search(pages):
    """The same for a queryset to search: search backends filter on indexed fields only (here
    `id`, with a subquery)."""
    private = private_q()
    if private is None:
        return pages
    return pages.exclude(id__in=Page.objects.filter(private).values("id"))


class PublishedPageQuerySet(PageQuerySet):
    """The one place that decides what a visitor of a given language may list."""

    def public(self):
        return public(self)

    def published_in(self, locale):
        """Live public pages of `locale` (a Locale or its id: `page.locale_id` costs no
        query, `page.locale` may)."""
        return self.live().public().filter(locale_id=getattr(locale, "pk", locale))


class PartnerLinkedQuerySet(PublishedPageQuerySet):
    """For page types that name partners through a `partner_links` relation (seminars, pilot
    projects, news), so that a partner page can list them."""

    def of_partner(self, partner):
        """The live pages in the partner page's language that link to the partner (in any
        language: links are synchronised, not translated)."""
        return (
            self.published_in(partner.locale_id)
            .filter(partner_links__partner__translation_key=partner.translation_key)
            .distinct()
        )
