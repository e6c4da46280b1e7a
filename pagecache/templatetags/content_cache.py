"""{% contentcache "name" %}…{% endcontentcache %}: a part of a page that every visitor sees
the same (its body, its related pages, its topics), rendered once and kept until the next
change of what it shows (pagecache.data.cached_per_generation) or the next day, so that the queries
and the work it takes run once per generation instead of once per request.
{% contentcache "name" item %}: a part about `item` rather than the page (a partner's card, the
same in every listing that shows it). Never around a form, a message or anything that depends
on the visitor; a preview renders it afresh.
{% imagecache "name" image value… %}{% picture image … %}{% endimagecache %}: a picture's HTML,
kept per image as it is (its file and focal point) and the values given (its alt text) until
the next deployment, whatever changes of content happen meanwhile: the first render of a
directory after a publication then parses no filter spec and looks up no rendition."""

import hashlib

from django import template
from django.utils import timezone, translation
from wagtail.models import Page

from pagecache.data import cached_per_generation, cached_per_versions
from pagecache.versions import DEPLOYMENT, parts_shown_by, sections_of, sections_shown_by

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


@register.tag
def imagecache(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes the part's name, the image, then the values it shows besides."
        )
    nodelist = parser.parse(("endimagecache",))
    parser.delete_first_token()
    name, image, *values = (parser.compile_filter(bit) for bit in bits[1:])
    return ImageCacheNode(nodelist, name, image, values)


class ImageCacheNode(template.Node):
    def __init__(self, nodelist, name, image, values):
        self.nodelist = nodelist
        self.name = name
        self.image = image
        self.values = values

    def render(self, context):
        image = self.image.resolve(context)
        if getattr(image, "pk", None) is None:
            return self.nodelist.render(context)
        values = [value.resolve(context) for value in self.values]
        return cached_per_versions(
            image_part_key(self.name.resolve(context), image, values),
            lambda: self.nodelist.render(context),
            parts=(DEPLOYMENT,),
        )


def image_part_key(name, image, values):
    """The image as it is now (a new file or focal point: a new key) and the values shown."""
    identity = (
        image.file.name,
        image.file_hash,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        *map(str, values),
    )
    digest = hashlib.sha256(repr(identity).encode()).hexdigest()
    return f"pagecache:image:{name}:{image.pk}:{digest}"
