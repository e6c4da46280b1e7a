"""Translates demo pages through wagtail-localize, the way a translator would in its editor:
a translation source, a translation into the target locale, one string translation per segment,
then the target page saved and published.

A page that already has a translation in the target locale is left alone, so translators' work
is never overwritten and running the loader again creates nothing.

Translated pages are published at once (see `publish_now`), parents before children; snippets
(news topics) are saved at once, as wagtail-localize does.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingTranslationsError(Exception):
    """Segments of demo pages with neither a text in `french.py` nor a translation yet."""

    def __init__(self, locale, missing):
        self.missing = missing
        listing = "\n".join(f"  {text!r}" for text in missing)
        super().__init__(
            f"No {locale.get_display_name()} text for {len(missing)} segment(s) of the demo "
            f"pages; add them to demo/french.py:\n{listing}"
        )


class InvalidTranslationError(Exception):
    """wagtail-localize refused a text (broken HTML, or a link that is not in the source)."""


def translate_pages(pages, locale, texts):
    """Translate the untranslated `pages` into `locale`, parents first, with `texts`
    ({source segment text: translated text}). Checks every text is there before anything."""
    translate_objects(sorted(pages, key=lambda page: page.path), locale, texts)


@transaction.atomic
def translate_objects(objects, locale, texts):
    """Translate the untranslated pages or snippets, in this order, as translate_pages does."""
    sources = [
        TranslationSource.get_or_create_from_instance(instance)[0]
        for instance in objects
        if not is_translated(instance, locale)
    ]
    check_texts_cover(sources, locale, texts)
    for source in sources:
        translate(source, locale, texts)


def is_translated(instance, locale):
    """True when there is a real translation in `locale` (a page's alias is not one)."""
    translated = instance.get_translation_or_none(locale)
    return translated is not None and getattr(translated, "alias_of_id", None) is None


def segments_to_translate(source, locale):
    """The string segments of `source` with no translation into `locale` yet."""
    return (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("string", "context")
    )


def check_texts_cover(sources, locale, texts):
    missing = {
        segment.string.data
        for source in sources
        for segment in segments_to_translate(source, locale)
        if segment.string.data not in texts
    }
    if missing:
        raise MissingTranslationsError(locale, sorted(missing))


def translate(source, locale, texts):
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in segments_to_translate(source, locale):
        add_string_translation(segment, locale, texts[segment.string.data])
    if isinstance(source.as_instance(), Page):
        translation.save_target(publish=False)
        publish_now(translation.get_target_instance())
    else:
        translation.save_target(publish=True)
    return translation


def publish_now(page):
    """Publish the page's latest revision from a fresh copy of it.

    `save_target(publish=True)` would publish when the transaction commits, from the copy of the
    page saved before its children were translated: Wagtail would then store a child count of 0
    for every translated parent, and their children would answer 404.
    """
    page.get_latest_revision().publish()


def add_string_translation(segment, locale, text):
    string_translation, _created = StringTranslation.objects.get_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    if string_translation.has_error:
        raise InvalidTranslationError(
            f"wagtail-localize rejects {text!r} as the translation of {segment.string.data!r}"
        )
    return string_translation
