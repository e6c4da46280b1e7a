from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.listings import OrderedListing, page_of, query_without
from core.pages import OwnSectionMixin, SitePage
from core.places import CoordinatesMixin, PlaceMixin
from core.querysets import PublishedPageQuerySet
from core.search_fields import PassageField, PlaceField
from core.sections import SectionIndexPage
from pagecache.data import cached_per_generation
from pagecache.versions import sections_of

from .choices import PartnerKind
from .filters import PartnerFilter
from .map import cached_map, directory_map, render_map
from .mentions import mentions_part
from .related import partner_sections

KIND_HEADINGS = {
    PartnerKind.LEAD: _("Lead organisation"),
    PartnerKind.CITY: _("Cities"),
    PartnerKind.REGION: _("Regions"),
    PartnerKind.NATIONAL_FORUM: _("National forums for urban security"),
    PartnerKind.NGO: _("Non-governmental organisations"),
}


class PartnerPageQuerySet(PublishedPageQuerySet):
    def for_listing(self):
        """Partners as the directory lists them: grouped by kind in the order of PartnerKind,
        then by name, with their logos (and a second query for the logos' renditions)."""
        kind_order = Case(
            *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(PartnerKind)),
            default=Value(len(PartnerKind)),
        )
        return self.for_cards().order_by(kind_order, "title", "pk")

    def for_cards(self):
        """With their logos (and a second query for the logos' renditions)."""
        return self.select_related("logo").prefetch_related("logo__renditions")

    def linked_through(self, links, locale_id):
        """The live partners that `links` (a queryset of link objects with a `partner` and a
        `sort_order`: a seminar's, a pilot project's) name, in the links' order, each in the
        language `locale_id` when translated (as `Page.localized` would give it), in one query
        (plus this queryset's `prefetch_related`). Links are synchronised, not translated, so
        a French page may link to the English partner."""
        link = links.filter(partner__translation_key=OuterRef("translation_key")).order_by(
            "sort_order", "pk"
        )
        candidates = (
            self.live()
            .public()
            .filter(translation_key__in=links.values("partner__translation_key"))
            .annotate(
                link_order=Subquery(link.values("sort_order")[:1]),
                link_id=Subquery(link.values("pk")[:1]),
                is_linked=Exists(links.filter(partner=OuterRef("pk"))),
            )
        )
        chosen = {}
        for partner in candidates:
            if partner.locale_id == locale_id or (
                partner.is_linked and partner.translation_key not in chosen
            ):
                chosen[partner.translation_key] = partner
        # The links' order (sort_order, which may be unset, then creation).
        return sorted(
            chosen.values(),
            key=lambda p: (p.link_order is None, p.link_order or 0, p.link_id),
        )

    def by_country(self):
        """The network's headline figures (partner organisations, associates, countries) and
        the countries partners come from, as (code, localised name) sorted by name, in one
        query: the partners counted per country (a row per country, however many partners)."""
        rows = list(
            self.order_by()
            .values("country")
            .annotate(
                organisations=Count("pk"), associates=Count("pk", filter=Q(is_associate=True))
            )
        )
        figures = {
            "organisations": sum(row["organisations"] for row in rows),
            "associates": sum(row["associates"] for row in rows),
            "countries": sum(1 for row in rows if row["country"]),
        }
        return figures, country_choices(row["country"] for row in rows if row["country"])


def network_figures(locale):
    """The network's headline figures in a language, counted over every partner: kept until
    the next change of content."""
    return cached_per_generation(
        f"pagecache:network-figures:{getattr(locale, 'pk', locale)}",
        lambda: PartnerPage.objects.published_in(locale).by_country()[0],
        sections=sections_of(PartnerPage),
    )


def country_choices(codes):
    """(code, localised name) of these country codes, sorted by name."""
    names = dict(PartnerPage._meta.get_field("country").get_choices(include_blank=False))
    return sorted(((code, names[code]) for code in codes), key=lambda item: item[1])


class PartnerIndexPage(SectionIndexPage):
    subpage_types = ["network.PartnerPage"]

    class Meta:
        verbose_name = _("partner directory")

    def get_context(self, request, *args, **kwargs):
        """One page of PARTNERS_PAGE_SIZE partners matching the filters, grouped by kind."""
        context = super().get_context(request, *args, **kwargs)
        partners = PartnerPage.objects.child_of(self).published_in(self.locale_id)
        # Counted over every partner: kept until the next change of content.
        figures, countries = cached_per_generation(
            f"pagecache:partner-directory:{self.pk}:{translation.get_language()}",
            partners.by_country,
            sections=sections_of(PartnerPage),
        )
        directory = PartnerFilter(
            request.GET or None, queryset=partners.for_listing(), countries=countries
        )
        listing = OrderedListing(
            f"pagecache:partner-listing:{self.pk}:{directory.in_force()}",
            directory.qs,
            sections_of(PartnerPage),
        )
        partner_page = page_of(listing, settings.PARTNERS_PAGE_SIZE, request)
        directory.declare_query_parameters()
        context["directory"] = directory
        context["partner_page"] = partner_page
        context["filter_query"] = query_without(request.GET, "page")
        context["partner_groups"] = group_by_kind(partner_page)
        context["network_figures"] = figures
        context["network_map"] = directory_map(self, directory, request)
        return context


def group_by_kind(partners):
    """[(heading, [partner, …]), …] in the order of PartnerKind, empty kinds left out."""
    groups = {kind: [] for kind in PartnerKind}
    for partner in partners:
        groups[partner.kind].append(partner)
    return [(KIND_HEADINGS[kind], members) for kind, members in groups.items() if members]


class PartnerPage(OwnSectionMixin, PlaceMixin, CoordinatesMixin, SitePage):
    kind = models.CharField(max_length=20, choices=PartnerKind.choices, verbose_name=_("kind"))
    country = CountryField(blank=True, verbose_name=_("country"))
    city = models.CharField(max_length=100, blank=True, verbose_name=_("city"))
    is_associate = models.BooleanField(
        default=False,
        verbose_name=_("associate partner"),
        help_text=_("Associate partners take part in the network without being full partners."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    summary = models.TextField(
        max_length=400,
        verbose_name=_("summary"),
        help_text=_("A sentence or two shown in the directory."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))

    objects = PageManager.from_queryset(PartnerPageQuerySet)()
    # Loaded with the page when it is routed (home/routing.py).
    route_select_related = ("logo",)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("is_associate")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("country"),
        APIField("city"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("is_associate"),
        APIField("website"),
        APIField("logo"),
        APIField("summary"),
        APIField("body"),
    ]
    search_fields = [
        *Page.search_fields,
        PassageField("summary"),
        PassageField("body"),
        PlaceField(),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    parent_page_types = ["network.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def shown_parts(self):
        """What it lists of the pages naming it has a version of its own (network.mentions)."""
        return (mentions_part(self.translation_key),)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Evaluated by the template only when its cached part is rendered again.
        context["related_sections"] = SimpleLazyObject(lambda: partner_sections(self))
        return context


def home_map(locale, request):
    """The map of every partner in `locale`, referring to the directory for the list."""
    return cached_map(
        f"home:{getattr(locale, 'pk', locale)}",
        lambda: render_map(
            PartnerPage.objects.published_in(locale).for_listing(),
            request,
            directory=directory_of(locale),
        ),
        sections_of(PartnerPage),
    )


def directory_of(locale):
    """The partner directory in `locale`, if there is one live."""
    return PartnerIndexPage.objects.live().public().filter(locale=locale).first()
