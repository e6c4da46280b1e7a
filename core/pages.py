from wagtail.models import Page, PageViewRestriction

from pagecache.versions import sections_of

from .querysets import restricted_paths


class KnownRestrictionsMixin:
    """For every page type of the site. Before serving a page Wagtail reads the view
    restrictions of the page and its ancestors (two queries); while the site has none at all,
    which is known until the next change of content, there is nothing to read."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class OwnSectionMixin:
    """For a page type whose pages show, besides the chrome and the pages they link to, only
    pages of their own app (their section: pagecache.versions): the page cache keeps them until
    one of those is published, not until any publication."""

    def shown_sections(self):
        return sections_of(self.specific_class)


class SitePage(KnownRestrictionsMixin, Page):
    """The base of the site's page types: what every one of them shares (a page type with
    another Wagtail base, such as the contact form's, takes the mixins above itself)."""

    class Meta:
        abstract = True


def visible_to(page, request):
    """Whether this visitor passes the view restrictions of the page and its ancestors (for the
    views that serve a page's forms outside Wagtail's serving of the page)."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
