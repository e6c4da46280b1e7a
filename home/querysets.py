from wagtail.query import PageQuerySet


class PublishedPageQuerySet(PageQuerySet):
    """The one place that decides what a visitor of a given language may list."""

    def published_in(self, locale):
        return self.live().public().filter(locale=locale)
