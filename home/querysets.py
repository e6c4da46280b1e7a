from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


def under_view_restriction():
    """True for a page when it or one of its ancestors has a view restriction (password,
    login, groups): a restricted page's tree path begins with the page's own. The same test as
    Wagtail's `public()`, but as a subquery of the same SQL query, where Wagtail runs a query
    for the restrictions each time a queryset is evaluated."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(pages):
    """`pages` without those under a view restriction."""
    return pages.filter(~under_view_restriction())


def public_for_search(pages):
    """The same for a queryset to search: search backends accept filters on indexed fields
    only (here `id`, with a subquery), not expressions."""
    return pages.exclude(id__in=Page.objects.filter(under_view_restriction()).values("id"))


class PublishedPageQuerySet(PageQuerySet):
    """The one place that decides what a visitor of a given language may list."""

    def public(self):
        return public(self)

    def published_in(self, locale):
        """Live public pages of `locale` (a Locale or its id: `page.locale_id` costs no
        query, `page.locale` may)."""
        return self.live().public().filter(locale_id=getattr(locale, "pk", locale))
