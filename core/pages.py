from wagtail.models import PageViewRestriction

from .querysets import restricted_paths


class KnownRestrictionsMixin:
    """For every page type of the site. Before serving a page Wagtail reads the view
    restrictions of the page and its ancestors (two queries); while the site has none at all,
    which is known until the next change of content, there is nothing to read."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def visible_to(page, request):
    """Whether this visitor passes the view restrictions of the page and its ancestors (for the
    views that serve a page's forms outside Wagtail's serving of the page)."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
