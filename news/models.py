from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.listings import OrderedListing, page_of
from core.pages import OwnSectionMixin, SitePage
from core.querysets import PartnerLinkedQuerySet
from core.search_fields import PassageField
from core.sections import SectionIndexPage
from discussion.pages import CommentablePageMixin
from network.links import PartnerLink
from network.models import PartnerPage
from pagecache.data import cached_per_generation
from pagecache.parameters import reads_query_parameter
from pagecache.versions import sections_of

from .feeds import NewsAtomFeed, NewsRssFeed

# News pictures in link previews (Open Graph) and in the API.
SHARING_IMAGE = "fill-1200x630"


class NewsPageQuerySet(PartnerLinkedQuerySet):
    def for_listing(self):
        """News as cards, newest first, with their pictures (and a second query for the
        pictures' renditions)."""
        return self.select_related("image").prefetch_related("image__renditions").newest_first()

    def for_feed(self):
        """Newest first, each with `feed_topics` (its topic links and their topics, one query)."""
        links = NewsPageTopic.objects.select_related("topic")
        return self.prefetch_related(
            models.Prefetch("topic_links", queryset=links, to_attr="feed_topics")
        ).newest_first()

    def newest_first(self):
        return self.order_by("-date", "-pk")


class Topic(TranslatableMixin, models.Model):
    """What a news item is about. Translated through wagtail-localize like pages, so French
    pages show French names and filter by French slugs (`?tag=evaluation` in English,
    `?tag=evaluation-des-actions` in French)."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        verbose_name=_("slug"),
        help_text=_("In the address of the news filtered by this topic (?tag=…)."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="news_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class NewsPageTopic(TranslatableMixin, Orderable):
    """A news item's topic; translatable so that wagtail-localize links the French news item to
    the French topic."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="news_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """The live news of this index's language."""
        return NewsPage.objects.child_of(self).published_in(self.locale)

    @path("feed/", name="rss_feed")
    def rss_feed(self, request):
        return NewsRssFeed()(request, news_index=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, news_index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        tag_slug = request.GET.get("tag", "")
        # Every topic of every news item: kept until the next change of content.
        tags = cached_per_generation(
            f"pagecache:news-tags:{self.pk}",
            lambda: list(news_topics(news)),
            sections=sections_of(NewsPage),
        )
        selected_tag = next((tag for tag in tags if tag.slug == tag_slug), None)
        listed = news.for_listing()
        if tag_slug:
            listed = (
                listed.filter(topic_links__topic=selected_tag) if selected_tag else listed.none()
            )
        # Keyed by the tag: none, one of the tags, or any unknown one (which lists nothing).
        tag_key = selected_tag.pk if selected_tag else ("unknown" if tag_slug else "")
        listing = OrderedListing(
            f"pagecache:news-listing:{self.pk}:{tag_key}", listed, sections_of(NewsPage)
        )
        context["tags"] = tags
        context["selected_tag"] = selected_tag
        context["tag_slug"] = tag_slug
        context["news_page"] = page_of(listing, settings.NEWS_PAGE_SIZE, request)
        reads_query_parameter("tag", not tag_slug or selected_tag is not None)
        return context


def news_topics(news):
    return Topic.objects.filter(news_links__page__in=news).distinct().order_by("name")


class NewsPage(OwnSectionMixin, CommentablePageMixin, SitePage):
    date = models.DateField(default=timezone.localdate, verbose_name=_("publication date"))
    intro = models.TextField(max_length=500, verbose_name=_("introduction"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("image alt text"),
        help_text=_(
            "Describe the image for people who cannot see it, in this page's language. "
            "Leave empty to use the image's own description."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    objects = PageManager.from_queryset(NewsPageQuerySet)()
    # Loaded with the page when it is routed (home/routing.py).
    route_select_related = ("image",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("partner_links", label=_("Related partners")),
    ]
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("body"),
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField(SHARING_IMAGE, source="image")),
        APIField("image_alt"),
        # Still "tags" for the API's users: the names of the topics, in the page's language.
        APIField("tags", serializer=serializers.ListField(source="topic_names", read_only=True)),
    ]
    search_fields = [
        *Page.search_fields,
        PassageField("intro"),
        PassageField("body"),
        index.RelatedFields(
            "topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # The latest news (home page, feeds) without sorting them all.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_newest_first")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Evaluated by the template only when its cached part is rendered again.
        context["partners"] = SimpleLazyObject(self.partners)
        return context

    def partners(self):
        """The live partners this news item is about, in its language when translated."""
        return PartnerPage.objects.linked_through(
            NewsPagePartner.objects.filter(page=self), self.locale_id
        )

    @property
    def topics(self):
        """In one query; from the page in memory too (previews, revisions)."""
        return [link.topic for link in self.topic_links.select_related("topic")]

    @property
    def topic_names(self):
        return [topic.name for topic in self.topics]

    @property
    def image_alt(self):
        return self.image_alt_text or (self.image.default_alt_text if self.image else "")


class NewsPagePartner(PartnerLink):
    """A partner the news item is about, listed on the partner's page."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="partner_links")
