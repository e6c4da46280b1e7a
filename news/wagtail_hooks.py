from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.related import PARTNER_SECTIONS_HOOK, PartnerSection

from .models import NewsPage, Topic

# A partner page lists its latest news only: the news index has them all.
NEWS_OF_PARTNER = 5


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register(PARTNER_SECTIONS_HOOK, order=40)
def partner_news(partner):
    return PartnerSection(
        gettext("News"),
        "partner-news",
        NewsPage.objects.of_partner(partner).newest_first()[:NEWS_OF_PARTNER],
        "news/partner_news.html",
    )
