from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.search import index

from discussion.models import CommentablePageMixin
from home.blocks import BaseStreamBlock
from home.listings import OrderedListing, page_or_404
from home.querysets import PublishedPageQuerySet
from home.sections import SectionIndexPage
from pagecache.cache import cached_per_generation

from .feeds import NewsAtomFeed, NewsRssFeed

# News pictures in link previews (Open Graph) and in the API.
SHARING_IMAGE = "fill-1200x630"


class NewsPageQuerySet(PublishedPageQuerySet):
    def for_listing(self):
        """News as cards, newest first, with their pictures (and a second query for the
        pictures' renditions)."""
        return self.select_related("image").prefetch_related("image__renditions").newest_first()

    def for_feed(self):
        return self.prefetch_related("tags").newest_first()

    def newest_first(self):
        return self.order_by("-date", "-pk")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


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
        # Every tag of every news item: kept until the next change of content.
        tags = cached_per_generation(
            f"pagecache:news-tags:{self.pk}", lambda: list(news_tags(news))
        )
        selected_tag = next((tag for tag in tags if tag.slug == tag_slug), None)
        listed = news.for_listing()
        if tag_slug:
            listed = listed.filter(tags=selected_tag) if selected_tag else listed.none()
        # Keyed by the tag: none, one of the tags, or any unknown one (which lists nothing).
        tag_key = selected_tag.pk if selected_tag else ("unknown" if tag_slug else "")
        listing = OrderedListing(f"pagecache:news-listing:{self.pk}:{tag_key}", listed)
        context["tags"] = tags
        context["selected_tag"] = selected_tag
        context["tag_slug"] = tag_slug
        context["news_page"] = page_or_404(
            listing, settings.NEWS_PAGE_SIZE, request.GET.get("page")
        )
        return context


def news_tags(news):
    return (
        Tag.objects.filter(news_newspagetag_items__content_object__in=news)
        .distinct()
        .order_by("name")
    )


class NewsPage(CommentablePageMixin, Page):
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
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

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
        FieldPanel("tags"),
    ]
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("body"),
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField(SHARING_IMAGE, source="image")),
        APIField("image_alt"),
        APIField("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # The latest news (home page, feeds) without sorting them all.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_newest_first")]

    @property
    def image_alt(self):
        return self.image_alt_text or (self.image.default_alt_text if self.image else "")
