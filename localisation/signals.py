import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from .moderation import save_translation_as_draft

logger = logging.getLogger(__name__)


@receiver(page_published)
def sync_translations_of_published_source(sender, instance, **kwargs):
    """Publishing an English page updates its translation source and each translated page's
    draft (new strings fall back to English), so nobody has to "Sync translated pages". What is
    live in French stays until a translator submits and a moderator approves."""
    if instance.locale_id != Locale.get_default().pk:
        return
    if not TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).exists():
        return
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            save_translation_as_draft(translation)
        except ValidationError:
            logger.warning(
                "Could not refresh the %s draft of %r", translation.target_locale, instance
            )


def create_content_locales(plan=None, **kwargs):
    """A locale for each content language, so that adding one to LANGUAGES is all it takes.
    Only after `migrate` (which passes a plan), not after `flush`: tests that flush restore
    their serialized rows, locales included, and would collide with new ones."""
    if plan is None:
        return
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
