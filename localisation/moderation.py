"""Translations go through the same Editorial review as English pages. wagtail-localize's editor
can only publish, and its `save_target(publish=False)` still rewrites the live translated page;
here a translation becomes a draft revision of the page, and the page enters its workflow."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import WorkflowState
from wagtail_localize.models import TranslationLog


class NoWorkflowError(Exception):
    pass


def save_translation_as_draft(translation, user=None):
    """Store the current translation as the target page's latest revision, leaving what is live
    untouched (new, untranslated strings fall back to the source text). Returns the page."""
    source, locale = translation.source, translation.target_locale
    try:
        page = source.get_ephemeral_translated_instance(locale, fallback=True)
    except ObjectDoesNotExist:
        # No translated page yet: wagtail-localize creates it, unpublished.
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance().specific
    revision = page.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return page


def submit_translation_for_moderation(translation, user):
    """Save the translation as a draft and put its page into the page's workflow.
    Raises ValidationError if the translated page is invalid."""
    page = save_translation_as_draft(translation, user)
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise NoWorkflowError(page)
        workflow.start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # A workflow already in progress reviews the page's latest revision: nothing more to do.
    return page
