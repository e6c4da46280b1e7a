from django import template

from home.chrome import site_chrome

register = template.Library()


@register.inclusion_tag("includes/news_feed_links.html", takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> to the RSS and Atom feeds of the news in the visitor's language."""
    news = site_chrome(context["request"]).news
    if news is None:
        return {}
    return {"title": news.title, "rss_url": news.rss_url, "atom_url": news.atom_url}
