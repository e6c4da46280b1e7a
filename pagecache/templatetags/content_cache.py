"""{% contentcache "name" %}…{% endcontentcache %}: a part of a page that every visitor sees
the same (its body, its related pages, its topics), rendered once and kept until the next
change of content (pagecache.cache.cached_per_generation) or the next day, so that the queries
it makes run once per generation instead of once per request. Never around a form, a message or
anything that depends on the visitor; a preview renders it afresh."""

from django import template
from django.utils import timezone, translation
from wagtail.models import Page

from pagecache.cache import cached_per_generation

register = template.Library()


@register.tag
def contentcache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument, the part's name.")
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    return ContentCacheNode(nodelist, parser.compile_filter(bits[1]))


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        page, request = context.get("page"), context.get("request")
        if not isinstance(page, Page) or page.pk is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # The day too: what is upcoming today (an event) may be past tomorrow.
        language, today = translation.get_language(), timezone.localdate()
        key = f"pagecache:part:{self.name.resolve(context)}:{page.pk}:{language}:{today}"
        return cached_per_generation(key, lambda: self.nodelist.render(context))
