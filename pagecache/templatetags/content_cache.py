"""{% contentcache "name" %}…{% endcontentcache %}: a part of a page that every visitor sees
the same (its body, its related pages, its topics), rendered once and kept until the next
change of what it shows (pagecache.data.cached_per_generation) or the next day, so that the queries
and the work it takes run once per generation instead of once per request.
{% contentcache "name" item %}: a part about `item` rather than the page (a partner's card, the
same in every listing that shows it). Never around a form, a message or anything that depends
on the visitor; a preview renders it afresh."""

from django import template
from django.utils import timezone, translation
from wagtail.models import Page

from pagecache.data import cached_per_generation
from pagecache.versions import parts_shown_by, sections_of, sections_shown_by

register = template.Library()


@register.tag
def contentcache(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes the part's name, and the item it shows when not the page."
        )
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    item = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return ContentCacheNode(nodelist, parser.compile_filter(bits[1]), item)


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, name, item):
        self.nodelist = nodelist
        self.name = name
        self.item = item

    def render(self, context):
        request = context.get("request")
        item = self.item.resolve(context) if self.item else context.get("page")
        if getattr(request, "is_preview", False) or not self.is_kept(item):
            return self.nodelist.render(context)
        # The day too: what is upcoming today (an event) may be past tomorrow.
        language, today = translation.get_language(), timezone.localdate()
        name = self.name.resolve(context)
        key = f"pagecache:part:{name}:{item.pk}:{language}:{today}"
        return cached_per_generation(
            key,
            lambda: self.nodelist.render(context),
            sections=self.sections(item),
            parts=self.parts(item),
        )

    def sections(self, item):
        """The sections the part shows (pagecache.versions): those the page shows, every
        section unless its type says; a part about a page, its section."""
        if self.item is None:
            return sections_shown_by(item)
        return sections_of(item.specific_class if isinstance(item, Page) else type(item))

    def parts(self, item):
        """The other versioned parts a part about the page shows (its `shown_parts()`)."""
        return parts_shown_by(item) if self.item is None else ()

    def is_kept(self, item):
        """A part about the page is kept for a page that exists (not a new page's preview), a
        part about an item for an item that has an id."""
        if self.item is None:
            return isinstance(item, Page) and item.pk is not None
        return getattr(item, "pk", None) is not None
