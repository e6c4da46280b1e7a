from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from contact.blocks import TeamBlock
from core.blocks import BaseStreamBlock
from core.pages import SitePage
from core.search_fields import PassageField
from events.models import SeminarPage
from network.models import home_map, network_figures
from news.models import NewsPage
from pagecache.data import cached_per_generation
from pagecache.versions import sections_of

from .routing import route_below

# The sections of the site, each under a home page only (their apps, below home, cannot name
# it: their parent_page_types are set here, after HomePage).
SECTIONS = [
    "network.PartnerIndexPage",
    "events.EventIndexPage",
    "pilots.PilotProjectIndexPage",
    "news.NewsIndexPage",
    "resources.ResourceIndexPage",
    "contact.ContactPage",
]
LATEST_NEWS_ON_HOME = 3
UPCOMING_SEMINARS_ON_HOME = 3


class HomePage(SitePage):
    # What it shows of the sections (news, seminars, the network's figures and map) comes from
    # data that declare their own sections (pagecache.versions).
    def shown_sections(self):
        return ()

    intro = models.TextField(
        verbose_name=_("introduction"),
        help_text=_("One or two sentences saying what LIAISE 2 is."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    funding_notice = models.CharField(
        max_length=255,
        default="Co-funded by the European Union",
        verbose_name=_("funding notice"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("funding_notice"),
    ]
    api_fields = [APIField("intro"), APIField("body"), APIField("funding_notice")]
    search_fields = [*Page.search_fields, PassageField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", *SECTIONS]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Each language's tree is routed from its home page in a fixed number of queries
        (home/routing.py)."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components) or super().route(
            request, path_components
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network_figures"] = network_figures(self.locale_id)
        context["network_map"] = home_map(self.locale_id, request)
        # The same for every visitor, as HTML: kept until the next change of content, or the
        # next day (when seminars become past ones).
        context["listings"] = cached_per_generation(
            f"pagecache:home-listings:{self.pk}:{timezone.localdate()}",
            lambda: render_to_string("home/home_listings.html", self.listings(), request),
            sections=sections_of(SeminarPage, NewsPage),
        )
        return context

    def listings(self):
        """The upcoming seminars, soonest first (or else the latest one), and the latest
        news."""
        seminars = list(
            SeminarPage.objects.published_in(self.locale_id).in_index_order()[
                :UPCOMING_SEMINARS_ON_HOME
            ]
        )
        upcoming = [seminar for seminar in seminars if seminar.is_upcoming]
        return {
            "upcoming_seminars": upcoming,
            "latest_seminar": seminars[0] if seminars and not upcoming else None,
            "latest_news": list(
                NewsPage.objects.published_in(self.locale_id).for_listing()[:LATEST_NEWS_ON_HOME]
            ),
        }


def place_sections_under_home():
    """Each section's page type may only go under a home page (HomeConfig.ready)."""
    for section in SECTIONS:
        apps.get_model(section).parent_page_types = ["home.HomePage"]


class StandardPageBodyBlock(BaseStreamBlock):
    """A standard page's body may also show the project's team (the About page does)."""

    team = TeamBlock()


class StandardPage(SitePage):
    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(StandardPageBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    api_fields = [APIField("intro"), APIField("body")]
    search_fields = [
        *Page.search_fields,
        PassageField("intro"),
        PassageField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="link")
class FooterLinks(BaseGenericSetting):
    """The pages every page's footer links to, each in the visitor's language when translated
    (the privacy notice is Settings → Comment moderation's)."""

    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("legal notice"),
    )

    panels = [FieldPanel("contact_page"), FieldPanel("legal_notice_page")]

    class Meta:
        verbose_name = _("footer links")
