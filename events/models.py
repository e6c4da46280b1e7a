from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.links import PageDocument
from core.listings import OrderedListing, page_of
from core.pages import OwnSectionMixin, SitePage
from core.places import CoordinatesMixin, PlaceMixin
from core.querysets import PartnerLinkedQuerySet, public
from core.search_fields import PassageField, PlaceField
from core.sections import SectionIndexPage
from discussion.pages import CommentablePageMixin
from network.links import PartnerLink
from pagecache.parameters import reads_query_parameter
from pagecache.versions import sections_of

from .blocks import ProgrammeBlock, SpeakerBlock
from .calendar import calendar_response, event_calendar


def upcoming_first(pages):
    """Upcoming events, soonest first, then past ones, latest first: one ordering that a
    paginator can cut into pages (`pages` has, or is annotated with, start and end dates)."""
    today = timezone.localdate()
    return pages.annotate(
        upcoming_start=Case(When(end_date__gte=today, then=F("start_date"))),
        past_start=Case(When(end_date__lt=today, then=F("start_date"))),
    ).order_by(
        F("upcoming_start").asc(nulls_last=True), F("past_start").desc(nulls_last=True), "pk"
    )


class EventPageQuerySet(PartnerLinkedQuerySet):
    def upcoming(self):
        return self.filter(end_date__gte=timezone.localdate()).order_by("start_date")

    def of_partner(self, partner):
        """Latest first."""
        return super().of_partner(partner).order_by("-start_date")

    def in_index_order(self):
        return upcoming_first(self)


class EventListing(OrderedListing):
    """Events of several kinds in one order (`pages`: plain pages annotated with their dates,
    see EventIndexPage.events), a page of it read with one query per kind."""

    def __init__(self, key, pages, kinds):
        super().__init__(key, pages, sections_of(*kinds))
        self.kinds = kinds

    def pages_by_id(self, ids):
        return {
            pk: event
            for kind in self.kinds
            for pk, event in kind.objects.order_by().in_bulk(ids).items()
        }


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The events index: seminars and training sessions, upcoming first, filtered by kind, and
    their calendar (renamed by migration 0005; its English address stays /en/seminars/)."""

    subpage_types = ["events.SeminarPage", "events.TrainingSessionPage"]

    class Meta:
        verbose_name = _("events index")

    def events(self, kinds):
        """The live events of this index's language of the page types `kinds`, as plain pages
        with their dates (from whichever kind's table has them), upcoming first."""
        pages = public(Page.objects.child_of(self).live().filter(locale_id=self.locale_id))
        return upcoming_first(pages.type(*kinds).annotate(**event_dates()))

    def events_of_kind(self, kind):
        """The live events of page type `kind` of this index's language."""
        return kind.objects.child_of(self).published_in(self.locale)

    @path(_("calendar/"), name="calendar")
    @path("calendar/", name="calendar_first_address")
    def calendar(self, request):
        """Every event of this language, for calendar applications to subscribe to: at the
        address in its language (…/calendrier/), still at the first one, which subscribed
        applications keep asking for."""
        events = sorted(
            (event for kind in EVENT_KINDS.values() for event in self.events_of_kind(kind)),
            key=lambda event: (event.start_date, event.pk),
        )
        calendar = event_calendar(events, f"{self.title} · LIAISE 2", request)
        return calendar_response(calendar, f"liaise-2-{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        """One page of EVENTS_PAGE_SIZE events of the kind asked for (?kind=, all by
        default), upcoming ones first (on the first pages)."""
        context = super().get_context(request, *args, **kwargs)
        asked = request.GET.get("kind", "")
        # An unknown kind lists every event, and says so (not kept by the page cache).
        kind = asked if asked in EVENT_KINDS else ""
        reads_query_parameter("kind", asked == kind)
        chosen = [EVENT_KINDS[kind]] if kind else list(EVENT_KINDS.values())
        # The order kept until the next change of content, or the next day (when events
        # become past ones).
        listing = EventListing(
            f"pagecache:event-listing:{self.pk}:{kind}:{timezone.localdate()}",
            self.events(chosen),
            chosen,
        )
        event_page = page_of(listing, settings.EVENTS_PAGE_SIZE, request)
        events = list(event_page)
        context["kind_filter"] = KIND_FILTER_LABELS.items()
        context["selected_kind"] = kind
        context["unknown_kind"] = asked != kind
        context["events_page"] = event_page
        context["upcoming_events"] = [event for event in events if event.is_upcoming]
        context["past_events"] = [event for event in events if not event.is_upcoming]
        return context


class EventPage(
    OwnSectionMixin, CommentablePageMixin, PlaceMixin, CoordinatesMixin, RoutablePageMixin, SitePage
):
    """What seminars and training sessions share: when and where, what, the programme, the
    documents and the partners involved (each kind its own link models)."""

    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(
        blank=True, verbose_name=_("end date"), help_text=_("Leave empty for a one-day event.")
    )
    city = models.CharField(max_length=100, verbose_name=_("city"))
    country = CountryField(verbose_name=_("country"))
    venue = models.CharField(max_length=255, blank=True, verbose_name=_("venue"))
    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("The theme of the event in a few sentences, shown in listings."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))

    objects = PageManager.from_queryset(EventPageQuerySet)()

    when_and_where_panel = MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            FieldPanel("venue"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ],
        heading=_("When and where"),
    )
    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("city"),
        APIField("country"),
        APIField("venue"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("summary"),
        APIField("body"),
        APIField("programme"),
    ]
    search_fields = [
        *Page.search_fields,
        PassageField("summary"),
        PassageField("body"),
        PassageField("programme"),
        PassageField("venue"),
        PlaceField(),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.end_date:
            self.end_date = self.start_date
        if self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})

    @property
    def is_upcoming(self):
        return self.end_date >= timezone.localdate()

    @property
    def kind_label(self):
        """ "Seminar", "Training session": what listings call this kind of event."""
        return self.get_verbose_name()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document")
        # Evaluated by the template only when its cached part is rendered again.
        context["partners"] = SimpleLazyObject(self.partners)
        return context

    def partners(self):
        """The live partners linked to this event, in the order of the links, each in this
        event's language when translated (as `Page.localized` would give it), in one query
        with their logos (and a second for the logos' renditions)."""
        from network.models import PartnerPage

        return PartnerPage.objects.for_cards().linked_through(
            self.partner_links.model.objects.filter(page=self), self.locale_id
        )

    @path(_("calendar/"), name="calendar")
    @path("calendar/", name="calendar_first_address")
    def calendar(self, request):
        """This event to add to a calendar, at the address in its language (and the first one)."""
        calendar = event_calendar([self], self.title, request)
        return calendar_response(calendar, f"{self.slug}.ics")


class SeminarPage(EventPage):
    content_panels = [
        *Page.content_panels,
        EventPage.when_and_where_panel,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("partner_links", label=_("Related partners")),
    ]

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")


class TrainingSessionPage(EventPage):
    """A training session LIAISE 2 gives to the local authorities of the network."""

    audience = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("audience"),
        help_text=_("Who the session is for, e.g. “Municipal staff and elected officials”."),
    )
    trainers = StreamField(
        [("trainer", SpeakerBlock(label=_("Trainer")))], blank=True, verbose_name=_("trainers")
    )

    content_panels = [
        *Page.content_panels,
        EventPage.when_and_where_panel,
        FieldPanel("audience"),
        FieldPanel("trainers"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("partner_links", label=_("Hosting partners")),
    ]
    api_fields = [*EventPage.api_fields, APIField("audience"), APIField("trainers")]
    search_fields = [
        *EventPage.search_fields,
        PassageField("audience"),
        PassageField("trainers"),
    ]

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")


# {value of the index's ?kind= filter: page type}, in the filter's order.
EVENT_KINDS = {"seminar": SeminarPage, "training": TrainingSessionPage}
KIND_FILTER_LABELS = {"seminar": _("Seminars"), "training": _("Training sessions")}


def event_dates():
    """Annotations giving plain pages their event's `start_date` and `end_date`, from whichever
    kind's table has them (a page's row in its type's table is reached from Page by the type's
    name in lower case)."""
    tables = [kind.__name__.lower() for kind in EVENT_KINDS.values()]
    return {
        "start_date": Coalesce(*(f"{table}__start_date" for table in tables)),
        "end_date": Coalesce(*(f"{table}__end_date" for table in tables)),
    }


class SeminarDocument(PageDocument):
    page = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="documents")


class SeminarPartner(PartnerLink):
    page = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="partner_links")


class TrainingSessionDocument(PageDocument):
    page = ParentalKey(TrainingSessionPage, on_delete=models.CASCADE, related_name="documents")


class TrainingSessionPartner(PartnerLink):
    page = ParentalKey(TrainingSessionPage, on_delete=models.CASCADE, related_name="partner_links")
