import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.links import PageDocument
from core.listings import OrderedListing, page_of, query_without
from core.pages import OwnSectionMixin, SitePage
from core.places import CoordinatesMixin, PlaceMixin
from core.querysets import PartnerLinkedQuerySet
from core.search_fields import PassageField, PlaceField
from core.sections import SectionIndexPage
from network.links import PartnerLink
from network.models import PartnerPage, country_choices
from pagecache.data import cached_per_generation
from pagecache.versions import sections_of

from .choices import PilotStatus
from .filters import PilotFilter
from .map import pilot_map

# Something@something.something: an e-mail address, which the contact field must not publish.
EMAIL_ADDRESS = re.compile(r"\S+@\S+\.\w+")


class PilotProjectPageQuerySet(PartnerLinkedQuerySet):
    def for_listing(self):
        """Latest started first."""
        return self.order_by("-start_date", "title", "pk")

    def of_partner(self, partner):
        return super().of_partner(partner).for_listing()


class PilotProjectIndexPage(SectionIndexPage):
    subpage_types = ["pilots.PilotProjectPage"]

    class Meta:
        verbose_name = _("pilot project index")

    def pilots(self):
        """The live pilot projects of this index's language."""
        return PilotProjectPage.objects.child_of(self).published_in(self.locale_id)

    def countries(self):
        """(code, name) of the countries of the pilots, for the country filter: kept until the
        next change of content."""
        return cached_per_generation(
            f"pagecache:pilot-countries:{self.pk}:{self.locale_id}",
            lambda: country_choices(
                self.pilots().order_by().values_list("country", flat=True).distinct()
            ),
            sections=sections_of(PilotProjectPage),
        )

    def get_context(self, request, *args, **kwargs):
        """One page of PILOTS_PAGE_SIZE pilot projects matching the filters, and their map."""

        context = super().get_context(request, *args, **kwargs)
        pilots = PilotFilter(
            request.GET or None,
            queryset=self.pilots().for_listing(),
            countries=self.countries(),
        )
        listing = OrderedListing(
            f"pagecache:pilot-listing:{self.pk}:{pilots.in_force()}",
            pilots.qs,
            sections_of(PilotProjectPage),
        )
        context["pilots"] = pilots
        context["pilot_page"] = page_of(listing, settings.PILOTS_PAGE_SIZE, request)
        pilots.declare_query_parameters()
        context["filter_query"] = query_without(request.GET, "page")
        context["pilot_map"] = pilot_map(self, pilots, request)
        return context


class PilotProjectPage(OwnSectionMixin, PlaceMixin, CoordinatesMixin, SitePage):
    """A pilot project: a partner applying locally what the training sessions taught."""

    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("What the pilot project does, in a few sentences, shown in listings."),
    )
    status = models.CharField(
        max_length=20,
        choices=PilotStatus.choices,
        default=PilotStatus.PLANNED,
        verbose_name=_("status"),
    )
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("end date"),
        help_text=_("Leave empty while the end is not known."),
    )
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = CountryField(verbose_name=_("country"))
    objectives = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("objectives"))
    activities = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("activities"))
    results = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("results"))
    contact = models.TextField(
        blank=True,
        verbose_name=_("contact"),
        help_text=_(
            "Who to ask about the pilot project: a name, a role, an organisation. No e-mail "
            "address: it would be published."
        ),
    )

    objects = PageManager.from_queryset(PilotProjectPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("When and where"),
        ),
        InlinePanel("partner_links", label=_("Partners running it"), min_num=1),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        FieldPanel("results"),
        FieldPanel("contact"),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("pictures", label=_("Pictures")),
    ]
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("city"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("objectives"),
        APIField("activities"),
        APIField("results"),
        APIField("contact"),
    ]
    search_fields = [
        *Page.search_fields,
        PassageField("summary"),
        PassageField("objectives"),
        PassageField("activities"),
        PassageField("results"),
        PlaceField(),
        index.FilterField("status"),
        index.FilterField("country"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["pilots.PilotProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The pilot project cannot end before it starts.")})
        if EMAIL_ADDRESS.search(self.contact):
            raise ValidationError(
                {"contact": _("Remove the e-mail address: this text is published as it is.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Evaluated by the template only when its cached part is rendered again.
        context["partners"] = SimpleLazyObject(self.partners)
        context["documents"] = self.documents.select_related("document")
        context["pictures"] = self.pictures.select_related("image").prefetch_related(
            "image__renditions"
        )
        return context

    def partners(self):
        """The live partners running the pilot, in this page's language when translated."""
        return PartnerPage.objects.for_cards().linked_through(
            PilotProjectPartner.objects.filter(page=self), self.locale_id
        )


class PilotProjectPartner(PartnerLink):
    """A partner running the pilot project."""

    page = ParentalKey(PilotProjectPage, on_delete=models.CASCADE, related_name="partner_links")


class PilotProjectDocument(PageDocument):
    page = ParentalKey(PilotProjectPage, on_delete=models.CASCADE, related_name="documents")


class PilotProjectPicture(TranslatableMixin, Orderable):
    """A picture of the gallery; translatable so that its alt text and caption are translated
    with the page."""

    page = ParentalKey(PilotProjectPage, on_delete=models.CASCADE, related_name="pictures")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("alt text"),
        help_text=_("Leave empty to use the image's own description."),
    )
    caption = models.CharField(max_length=255, blank=True, verbose_name=_("caption"))

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    @property
    def alt(self):
        return self.alt_text or self.image.default_alt_text
