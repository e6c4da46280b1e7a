"""The translators' work list: for every live English page and every English translatable snippet
(news topics), in every other language, whether a translation is missing, incomplete, behind its
English source or up to date, in a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
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
    source: Page | TranslatableMixin  # an English page or snippet
    locale: Locale
    section: Page | None
    translation: Translation | None = None
    target: Page | TranslatableMixin | None = None  # its translation, None while there is none
    total_segments: int = 0
    translated_segments: int = 0

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def kind(self):
        """ "topic", say: what a snippet is (pages need no saying)."""
        return ContentType.objects.get_for_model(self.source).name

    @property
    def percent_done(self):
        if self.target is None:
            return 0
        if not self.total_segments:
            return 100
        return self.translated_segments * 100 // self.total_segments

    @property
    def source_changed(self):
        """The English page changed after the translated page was last published (a translation
        never published is incomplete or unpublished, not behind)."""
        if not self.is_page or self.target is None or self.translation is None:
            return False  # a snippet's translation is saved at once: incomplete, not behind
        published: datetime | None = self.target.last_published_at
        if published is None:
            return False
        return self.translation.source.last_updated_at > published

    @property
    def source_changed_at(self):
        if self.is_page:
            return self.source.last_published_at
        return self.translation.source.last_updated_at if self.translation else None

    @property
    def state(self):
        if self.target is None:
            return State.MISSING
        if self.source_changed:
            return State.CHANGED
        if self.percent_done < 100:
            return State.INCOMPLETE
        if self.is_page and self.target.has_unpublished_changes:
            return State.UNPUBLISHED
        return State.UP_TO_DATE

    @property
    def edit_url(self):
        return AdminURLFinder().get_edit_url(self.target) if self.target else None

    @property
    def start_url(self):
        """Pages: our view (a POST), which creates the page; snippets: wagtail-localize's form."""
        if self.is_page:
            return reverse(
                "localisation_start_translation", args=[self.source.pk, self.locale.language_code]
            )
        content_type = ContentType.objects.get_for_model(self.source)
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[content_type.app_label, content_type.model, quote(self.source.pk)],
        )
        return f"{url}?{urlencode({'select_locale': self.locale.language_code})}"

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


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


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


def translation_statuses():
    """Every live English page and English snippet in every other language, least advanced
    first."""
    source_locale = Locale.get_default()
    target_locales = list(Locale.objects.exclude(pk=source_locale.pk))
    source_pages = live_source_pages(source_locale)
    sections = {
        page.path: page for page in source_pages if page.depth == SECTION_DEPTH
    }  # live sections only: a page under a draft section is not live either
    translations = translations_with_progress(target_locales)
    targets = translated_pages(target_locales)
    sources = [(page, section_of(page, sections)) for page in source_pages]
    for model in translatable_snippet_models():
        sources += [(snippet, None) for snippet in model.objects.filter(locale=source_locale)]
        targets |= {
            (snippet.translation_key, snippet.locale_id): snippet
            for snippet in model.objects.filter(locale__in=target_locales)
        }
    statuses = []
    for source, section in sources:
        for locale in target_locales:
            key = (source.translation_key, locale.pk)
            translation = translations.get(key)
            statuses.append(
                TranslationStatus(
                    source=source,
                    locale=locale,
                    section=section,
                    translation=translation,
                    target=targets.get(key),
                    total_segments=translation.total_segments if translation else 0,
                    translated_segments=translation.translated_segments if translation else 0,
                )
            )
    return sorted(statuses, key=lambda s: (s.percent_done, str(s.source)))


def statuses_needing_attention():
    return [status for status in translation_statuses() if status.needs_attention]


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
