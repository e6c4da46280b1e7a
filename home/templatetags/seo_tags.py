import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home import seo
from home.routing import live_translations

register = template.Library()

# The escapes of Django's json_script: no text in the data can end the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def meta_description(context):
    page = context.get("page")
    description = seo.page_description(page) if isinstance(page, Page) else ""
    return format_html('<meta name="description" content="{}">', description) if description else ""


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_meta(context):
    """Canonical URL, Open Graph and Twitter card tags and JSON-LD of the page being shown."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    request = context["request"]
    language = page.locale.language_code
    return {
        "title": page.seo_title or page.title,
        "description": seo.page_description(page),
        "url": page.get_full_url(request),
        "type": seo.open_graph_type(page),
        "locale": seo.open_graph_locale(language),
        "alternate_locales": [
            seo.open_graph_locale(code)
            for code in sorted(live_translations(page))
            if code != language
        ],
        "image": seo.sharing_image(page),
        "structured_data": seo.structured_data(page, request),
    }


@register.filter
def json_ld(data):
    """`data` in a <script type="application/ld+json"> element, escaped as json_script does."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )
