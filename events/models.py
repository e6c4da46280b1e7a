from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.documents import PageDocument
from core.listings import OrderedListing, page_of
from core.pages import KnownRestrictionsMixin
from core.places import PlaceMixin
from core.querysets import PartnerLinkedQuerySet
from core.search_fields import CountryNameField
from core.sections import SectionIndexPage
from discussion.models import CommentablePageMixin

from .blocks import ProgrammeBlock
from .calendar import calendar_response, seminar_calendar


class SeminarPageQuerySet(PartnerLinkedQuerySet):
    def upcoming(self):
        return self.filter(end_date__gte=timezone.localdate()).order_by("start_date")

    def of_partner(self, partner):
        """Latest first."""
        return super().of_partner(partner).order_by("-start_date")

    def in_index_order(self):
        """Upcoming seminars, soonest first, then past ones, latest first: one ordering that a
        paginator can cut into pages."""
        today = timezone.localdate()
        return self.annotate(
            upcoming_start=Case(When(end_date__gte=today, then=F("start_date"))),
            past_start=Case(When(end_date__lt=today, then=F("start_date"))),
        ).order_by(
            F("upcoming_start").asc(nulls_last=True), F("past_start").desc(nulls_last=True), "pk"
        )


class SeminarIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["events.SeminarPage"]

    class Meta:
        verbose_name = _("seminar index")

    def seminars(self):
        """The live seminars of this index's language."""
        return SeminarPage.objects.child_of(self).published_in(self.locale)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """Every seminar of this language, for calendar applications to subscribe to."""
        seminars = self.seminars().order_by("start_date")
        calendar = seminar_calendar(seminars, f"{self.title} · LIAISE 2", request)
        return calendar_response(calendar, f"liaise-2-{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        """One page of SEMINARS_PAGE_SIZE seminars, upcoming ones first (on the first pages)."""
        context = super().get_context(request, *args, **kwargs)
        # The order kept until the next change of content, or the next day (when seminars
        # become past ones).
        listing = OrderedListing(
            f"pagecache:seminar-listing:{self.pk}:{timezone.localdate()}",
            self.seminars().in_index_order(),
        )
        seminar_page = page_of(listing, settings.SEMINARS_PAGE_SIZE, request)
        seminars = list(seminar_page)
        context["seminar_page"] = seminar_page
        context["upcoming_seminars"] = [s for s in seminars if s.is_upcoming]
        context["past_seminars"] = [s for s in seminars if not s.is_upcoming]
        return context


class SeminarPage(
    KnownRestrictionsMixin, CommentablePageMixin, PlaceMixin, RoutablePageMixin, Page
):
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(
        blank=True, verbose_name=_("end date"), help_text=_("Leave empty for a one-day seminar.")
    )
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = CountryField(verbose_name=_("country"))
    venue = models.CharField(max_length=255, blank=True, verbose_name=_("venue"))
    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("The theme of the seminar in a few sentences, shown in listings."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))

    objects = PageManager.from_queryset(SeminarPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("venue"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("partner_links", label=_("Related partners")),
    ]
    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("city"),
        APIField("country"),
        APIField("venue"),
        APIField("summary"),
        APIField("body"),
        APIField("programme"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("city"),
        CountryNameField("country"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["events.SeminarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")

    def clean(self):
        super().clean()
        if not self.end_date:
            self.end_date = self.start_date
        if self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The seminar cannot end before it starts.")})

    @property
    def is_upcoming(self):
        return self.end_date >= timezone.localdate()

    @property
    def is_multi_day(self):
        return self.end_date != self.start_date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document")
        context["partners"] = self.partners()
        return context

    def partners(self):
        """The live partners linked to this seminar, in this seminar's language when
        translated, with their logos (and a second query for the logos' renditions)."""
        from network.models import PartnerPage

        return PartnerPage.objects.for_cards().linked_through(
            SeminarPartner.objects.filter(page=self), self.locale_id
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """This seminar as an event to add to a calendar."""
        calendar = seminar_calendar([self], self.title, request)
        return calendar_response(calendar, f"{self.slug}.ics")


class SeminarDocument(PageDocument):
    page = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="documents")


class SeminarPartner(Orderable):
    page = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "network.PartnerPage",
        on_delete=models.CASCADE,
        related_name="seminar_links",
        verbose_name=_("partner"),
    )

    panels = [FieldPanel("partner")]
