"""How far each translated page is behind its English source, in a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation


@dataclass(frozen=True)
class TranslationStatus:
    translation: Translation
    page: Page
    total_segments: int
    translated_segments: int

    @property
    def percent_done(self):
        if not self.total_segments:
            return 100
        return self.translated_segments * 100 // self.total_segments

    @property
    def source_changed(self):
        """The English page changed after the translated page was last published."""
        published: datetime | None = self.page.last_published_at
        return published is None or self.translation.source.last_updated_at > published

    @property
    def needs_attention(self):
        return self.percent_done < 100 or self.source_changed or self.page.has_unpublished_changes


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


def page_translation_statuses():
    """Every enabled page translation with its progress, least advanced first."""
    target_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale")
    ).values("pk")[:1]
    translations = (
        Translation.objects.filter(enabled=True)
        .select_related("source", "source__locale", "target_locale")
        .annotate(
            page_id=Subquery(target_page),
            total_segments=segment_count(translated_only=False),
            translated_segments=segment_count(translated_only=True),
        )
        .filter(~Q(page_id=None))
    )
    translations = list(translations)
    pages = Page.objects.in_bulk([t.page_id for t in translations])
    statuses = [
        TranslationStatus(t, pages[t.page_id], t.total_segments, t.translated_segments)
        for t in translations
    ]
    return sorted(statuses, key=lambda s: (s.percent_done, s.page.title))


def statuses_needing_attention():
    return [status for status in page_translation_statuses() if status.needs_attention]
