from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from core.links import chosen_page_url
from discussion.pages import privacy_notice_url as privacy_notice
from home.models import FooterLinks
from home.navigation import site_navigation
from home.routing import live_translations

register = template.Library()


def language_home_url(request, language_code):
    """Where to send a visitor switching language from a page that has no such translation."""
    match = request.resolver_match
    if match and match.url_name != "wagtail_serve":
        return translate_url(request.get_full_path(), language_code)
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The sections of the home page in the visitor's language (home/navigation.py)."""
    return {
        "menu_items": site_navigation(context["request"]).menu,
        "current_page": context.get("page"),
    }


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The privacy notice of Settings → Comment moderation, in the visitor's language."""
    return privacy_notice(context["request"])


@register.simple_tag(takes_context=True)
def contact_page_url(context):
    """The contact page of Settings → Footer links, in the visitor's language."""
    request = context["request"]
    return chosen_page_url(
        request, "footer-contact", lambda: FooterLinks.load(request_or_site=request).contact_page
    )


@register.simple_tag(takes_context=True)
def legal_notice_url(context):
    """The legal notice of Settings → Footer links, in the visitor's language."""
    request = context["request"]
    return chosen_page_url(
        request,
        "footer-legal-notice",
        lambda: FooterLinks.load(request_or_site=request).legal_notice_page,
    )


@register.inclusion_tag("includes/news_feed_links.html", takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> to the RSS and Atom feeds of the news in the visitor's language."""
    news = site_navigation(context["request"]).news
    if news is None:
        return {}
    return {"title": news.title, "rss_url": news.rss_url, "atom_url": news.atom_url}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language with a link to this page in it, or to its home page when the page
    has no live translation in that language (then `available` is False)."""
    request = context["request"]
    page = context.get("page")
    pages = live_translations(page) if isinstance(page, Page) else None
    current = translation.get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        translated = pages.get(code) if pages is not None else None
        available = pages is None or translated is not None
        url = translated.url if translated else language_home_url(request, code)
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "available": available,
            }
        )
    return {"languages": languages}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for the page and each live translation, plus x-default."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"alternates": []}
    request = context["request"]
    urls = {
        code: translated.get_full_url(request)
        for code, translated in live_translations(page).items()
    }
    return {"alternates": hreflang_alternates(urls)}


def hreflang_alternates(urls):
    """[(hreflang, url), …] from {language code: url}, sorted, plus x-default for the source
    language; shared by the <head> links and the sitemap."""
    alternates = [(code, urls[code]) for code in sorted(urls)]
    if settings.LANGUAGE_CODE in urls:
        alternates.append(("x-default", urls[settings.LANGUAGE_CODE]))
    return alternates
