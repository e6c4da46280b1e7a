"""The translators' work list: for every live English page and every other language, whether a
translation is missing, incomplete, behind its English source or up to date, in a constant
number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

SECTION_DEPTH = 3  # root (1), a language's home page (2), its sections (3)


class State(models.TextChoices):
    MISSING = "missing", _("Not translated yet")
    INCOMPLETE = "incomplete", _("Incomplete")
    CHANGED = "changed", _("English source changed since last publication")
    UNPUBLISHED = "unpublished", _("Unpublished changes")
    UP_TO_DATE = "up-to-date", _("Up to date")


@dataclass(frozen=True)
class TranslationStatus:
    source_page: Page
    locale: Locale
    section: Page | None
    translation: Translation | None = None
    page: Page | None = None  # the translated page, None while there is none
    total_segments: int = 0
    translated_segments: int = 0

    @property
    def percent_done(self):
        if self.page is None:
            return 0
        if not self.total_segments:
            return 100
        return self.translated_segments * 100 // self.total_segments

    @property
    def source_changed(self):
        """The English page changed after the translated page was last published (a translation
        never published is incomplete or unpublished, not behind)."""
        published: datetime | None = self.page.last_published_at if self.page else None
        if published is None or self.translation is None:
            return False
        return self.translation.source.last_updated_at > published

    @property
    def source_changed_at(self):
        return self.source_page.last_published_at

    @property
    def state(self):
        if self.page is None:
            return State.MISSING
        if self.source_changed:
            return State.CHANGED
        if self.percent_done < 100:
            return State.INCOMPLETE
        if self.page.has_unpublished_changes:
            return State.UNPUBLISHED
        return State.UP_TO_DATE

    @property
    def state_label(self):
        return State(self.state).label

    @property
    def needs_attention(self):
        return self.state != State.UP_TO_DATE


def segment_count(translated_only):
    segments = StringSegment.objects.filter(source=OuterRef("source"))
    if translated_only:
        segments = segments.filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of=OuterRef("string"),
                    context=OuterRef("context"),
                    locale=OuterRef(OuterRef("target_locale")),
                    has_error=False,
                )
            )
        )
    counted = segments.order_by().values("source").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def translations_with_progress(target_locales):
    """Enabled translations into these languages, by (source object, target language)."""
    translations = (
        Translation.objects.filter(enabled=True, target_locale__in=target_locales)
        .select_related("source")
        .annotate(
            total_segments=segment_count(translated_only=False),
            translated_segments=segment_count(translated_only=True),
        )
    )
    return {(t.source.object_id, t.target_locale_id): t for t in translations}


def translated_pages(target_locales):
    """Translated pages (aliases copied in as parents are not translations), by key."""
    pages = Page.objects.filter(locale__in=target_locales, alias_of__isnull=True)
    return {(page.translation_key, page.locale_id): page for page in pages}


def section_of(page, sections):
    return sections.get(page.path[: Page.steplen * SECTION_DEPTH])


def live_source_pages(source_locale):
    """Live English pages of the sites (not, say, Wagtail's initial page left outside them)."""
    in_a_site = Q()
    for root in Page.objects.filter(sites_rooted_here__isnull=False, locale=source_locale):
        in_a_site |= Q(path__startswith=root.path)
    if not in_a_site:
        return []
    return list(Page.objects.live().filter(in_a_site, locale=source_locale))


def page_translation_statuses():
    """Every live English page in every other language, least advanced first."""
    source_locale = Locale.get_default()
    target_locales = list(Locale.objects.exclude(pk=source_locale.pk))
    source_pages = live_source_pages(source_locale)
    sections = {
        page.path: page for page in source_pages if page.depth == SECTION_DEPTH
    }  # live sections only: a page under a draft section is not live either
    translations = translations_with_progress(target_locales)
    pages = translated_pages(target_locales)
    statuses = []
    for source_page in source_pages:
        for locale in target_locales:
            key = (source_page.translation_key, locale.pk)
            translation = translations.get(key)
            statuses.append(
                TranslationStatus(
                    source_page=source_page,
                    locale=locale,
                    section=section_of(source_page, sections),
                    translation=translation,
                    page=pages.get(key),
                    total_segments=translation.total_segments if translation else 0,
                    translated_segments=translation.translated_segments if translation else 0,
                )
            )
    return sorted(statuses, key=lambda s: (s.percent_done, s.source_page.title))


def statuses_needing_attention():
    return [status for status in page_translation_statuses() if status.needs_attention]


def section_choices():
    """The English sections the work list can be narrowed to."""
    return Page.objects.live().filter(locale=Locale.get_default(), depth=SECTION_DEPTH)


ALL_STATES = "all"


def filter_statuses(statuses, section_id=None, state=None):
    """By default the work to do: what is missing, incomplete, behind or unpublished."""
    if section_id:
        statuses = [s for s in statuses if s.section and s.section.pk == section_id]
    if state in State.values:
        return [s for s in statuses if s.state == state]
    if state == ALL_STATES:
        return statuses
    return [s for s in statuses if s.needs_attention]
