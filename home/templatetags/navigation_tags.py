from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def locale_home(request):
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = locale_home(context["request"])
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    return {"menu_items": items, "current_page": context.get("page"), "home": home}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    urls = translation_urls(page) if isinstance(page, Page) else {}
    current = translation.get_language()
    return {
        "translations": [
            (code, name, urls.get(code) or language_home_url(request, code), code == current)
            for code, name in settings.LANGUAGES
        ]
    }


def translation_urls(page):
    """URLs of the live translations of a page, keyed by language code."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {t.locale.language_code: t.url for t in translations}


def language_home_url(request, language_code):
    if request.resolver_match and request.resolver_match.url_name != "wagtail_serve":
        return translate_url(request.get_full_path(), language_code)
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])
