from django import template
from django.utils import translation

from news.models import NewsIndexPage

register = template.Library()


@register.inclusion_tag("includes/news_feed_links.html", takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> to the RSS and Atom feeds of the news in the visitor's language."""
    news_index = (
        NewsIndexPage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language())
        .first()
    )
    if news_index is None:
        return {}
    index_url = news_index.get_full_url(context["request"])
    return {
        "title": news_index.title,
        "rss_url": index_url + news_index.reverse_subpage("rss_feed"),
        "atom_url": index_url + news_index.reverse_subpage("atom_feed"),
    }
