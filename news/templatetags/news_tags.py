from django import template

from news.models import NewsPage

register = template.Library()

# A partner page lists its latest news only: the news index has them all.
NEWS_OF_PARTNER = 5


@register.simple_tag
def news_of_partner(partner):
    """The latest news a partner page lists: news own the link, so network need not know it."""
    return NewsPage.objects.of_partner(partner).newest_first()[:NEWS_OF_PARTNER]
