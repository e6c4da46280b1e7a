from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.models import SeminarPage
from network.models import PartnerPage
from news.models import NewsPage

from .blocks import BaseStreamBlock

LATEST_NEWS_ON_HOME = 3


class HomePage(Page):
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
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "network.PartnerIndexPage",
        "events.SeminarIndexPage",
        "news.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        seminars = SeminarPage.objects.published_in(self.locale)
        context["upcoming_seminars"] = seminars.upcoming()
        context["latest_seminar"] = seminars.past().first()
        context["latest_news"] = NewsPage.objects.published_in(self.locale).for_listing()[
            :LATEST_NEWS_ON_HOME
        ]
        context["network_figures"] = PartnerPage.objects.published_in(self.locale).figures()
        return context


class StandardPage(Page):
    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    api_fields = [APIField("intro"), APIField("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
