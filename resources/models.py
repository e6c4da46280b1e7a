from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock
from core.listings import OrderedListing, page_of, query_without
from core.pages import OwnSectionMixin, SitePage
from core.querysets import PublishedPageQuerySet
from core.search_fields import PassageField
from core.sections import SectionIndexPage
from localisation.languages import language_name
from news.models import Topic
from pagecache.data import cached_per_generation
from pagecache.versions import sections_of

from .choices import ResourceType
from .filters import ResourceFilter

# The page types a resource can come from; a pilot project's can join them.
RELATED_EVENT_TYPES = ["events.SeminarPage"]


def site_languages():
    return settings.LANGUAGES


def source_language():
    """The default language of a file: the site's source language (settings.LANGUAGE_CODE)."""
    return settings.LANGUAGE_CODE


def validate_site_language(code):
    if code not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the site’s languages."))


class ResourcePageQuerySet(PublishedPageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-pk")


class ResourceIndexPage(SectionIndexPage):
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("resource library")

    def resources(self):
        """The live resources of this library's language."""
        return ResourcePage.objects.child_of(self).published_in(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        """One page of RESOURCES_PAGE_SIZE resources matching the filters, newest first."""

        context = super().get_context(request, *args, **kwargs)
        resources = self.resources()
        # The topics and years on offer, from every resource: kept until the next change.
        topics, years = cached_per_generation(
            f"pagecache:resource-choices:{self.pk}",
            lambda: filter_choices(resources),
            sections=sections_of(ResourcePage),
        )
        library = ResourceFilter(
            request.GET or None, queryset=resources.newest_first(), topics=topics, years=years
        )
        listing = OrderedListing(
            f"pagecache:resource-listing:{self.pk}:{library.in_force()}",
            library.qs,
            sections_of(ResourcePage),
        )
        context["library"] = library
        context["resource_page"] = page_of(listing, settings.RESOURCES_PAGE_SIZE, request)
        context["filter_query"] = query_without(request.GET, "page")
        library.declare_query_parameters()
        return context


def filter_choices(resources):
    """(topic choices, year choices) of these resources: (slug, name) by name, and the years
    they were published in, newest first."""
    topics = Topic.objects.filter(resource_links__page__in=resources).distinct().order_by("name")
    years = resources.order_by().dates("date", "year", order="DESC")
    return (
        [(topic.slug, topic.name) for topic in topics],
        [(str(year.year), str(year.year)) for year in years],
    )


class ResourcePage(OwnSectionMixin, SitePage):
    resource_type = models.CharField(
        max_length=30, choices=ResourceType.choices, verbose_name=_("type")
    )
    date = models.DateField(default=timezone.localdate, verbose_name=_("publication date"))
    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("What the resource is and who it is for, in a few sentences."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_(
            "Translators: choose the file in your language under “Synchronised values” in the "
            "translation editor; without one, the translation offers this file."
        ),
    )
    # The site's languages, read when the form is built: they come from the environment, and a
    # migration must not hold them (docs/translation.md, "Adding a language").
    file_language = models.CharField(
        max_length=10,
        default=source_language,
        validators=[validate_site_language],
        verbose_name=_("language of the file"),
        help_text=_("The language of the file chosen above."),
    )
    related_event = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related event"),
        help_text=_("The seminar this resource comes from, if any."),
    )

    objects = PageManager.from_queryset(ResourcePageQuerySet)()
    # Loaded with the page when it is routed (home/routing.py).
    route_select_related = ("document", "related_event")

    content_panels = [
        *Page.content_panels,
        FieldPanel("resource_type"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldPanel("file_language", widget=forms.Select(choices=site_languages)),
            ],
            heading=_("File"),
        ),
        InlinePanel("topic_links", label=_("Topics")),
        PageChooserPanel("related_event", page_type=RELATED_EVENT_TYPES),
    ]
    # A language code, not text: the same in every translation (offered_file_language).
    override_translatable_fields = [SynchronizedField("file_language")]
    api_fields = [
        APIField("resource_type"),
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("document"),
        # In each language, the language of the file that language's page offers.
        APIField("file_language", serializer=serializers.CharField(source="offered_file_language")),
        APIField("related_event"),
        APIField("topics", serializer=serializers.ListField(source="topic_names", read_only=True)),
    ]
    search_fields = [
        *Page.search_fields,
        PassageField("summary"),
        PassageField("body"),
        index.RelatedFields("document", [index.SearchField("title")]),
        index.RelatedFields(
            "topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        event_types = tuple(apps.get_model(label) for label in RELATED_EVENT_TYPES)
        event = self.related_event
        if event is not None and not issubclass(event.specific_class or Page, event_types):
            raise ValidationError({"related_event": _("Choose a seminar.")})

    @property
    def topics(self):
        """In one query; from the page in memory too (previews, revisions)."""
        return [link.topic for link in self.topic_links.select_related("topic")]

    @property
    def topic_names(self):
        return [topic.name for topic in self.topics]

    def offered_file_language(self):
        """The language code of the file this page offers: a translation that kept its source's
        file offers the source's, one that chose its own offers its own language (a choice field
        cannot be overridden per language in wagtail-localize, a document can)."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self.file_language
        source_document = ResourcePage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("document_id", flat=True)
        if list(source_document) in ([], [self.document_id]):
            return self.file_language  # synchronised from the source
        return self.locale.language_code

    def localized_event(self):
        """The related event in this page's language when it is live in it, else as chosen."""
        event = self.related_event
        if event is None or event.locale_id == self.locale_id:
            return event
        translated = event.get_translations().live().filter(locale_id=self.locale_id).first()
        return translated or event

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Evaluated by the template only when its cached part is rendered again.
        context["file"] = SimpleLazyObject(self.file_facts)
        context["related_event"] = SimpleLazyObject(self.localized_event)
        return context

    def file_facts(self):
        """{"language_name", "notice"}: the language of the file offered, and a notice when it
        is not the page's."""
        file_language = self.offered_file_language()
        notice = ""
        if file_language != self.locale.language_code:
            notice = _("Only available in %(language)s.") % {
                "language": language_name(file_language)
            }
        return {"language_name": language_name(file_language), "notice": notice}


class ResourcePageTopic(TranslatableMixin, Orderable):
    """A resource's topic (news.Topic, shared with the news); translatable so that
    wagtail-localize links the French resource to the French topic."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="resource_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
