"""Translations go through the same Editorial review as English pages. wagtail-localize's editor
can only publish, and its `save_target(publish=False)` still rewrites the live translated page;
here a translation becomes a draft revision of the page, and the page enters its workflow."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.models import WorkflowState

# wagtail-localize documents no Python reference for these (wagtail/wagtail-localize#90, open):
# they are what its own views call to start a translation and to record one saved as a draft.
from wagtail_localize.models import TranslationLog
from wagtail_localize.operations import TranslationCreator


class NoWorkflowError(Exception):
    pass


class ParentNotTranslatedError(Exception):
    def __init__(self, parent):
        super().__init__(parent)
        self.parent = parent


def start_page_translation(page, locale, user):
    """Create the translated page as a draft below its parent's translation, through
    wagtail-localize. A missing parent translation is refused: wagtail-localize would otherwise
    copy the English parents into the translated tree as live aliases. Returns the new page."""
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        raise ParentNotTranslatedError(parent)
    TranslationCreator(user, [locale]).create_translations(page)
    return page.get_translation(locale)


def save_translation_as_draft(translation, user=None):
    """Store the current translation as the target page's latest revision, leaving what is live
    untouched (new, untranslated strings fall back to the source text). Returns the page."""
    source, locale = translation.source, translation.target_locale
    try:
        # As wagtail-localize's translation editor previews a translation (no reference: #90).
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


def user_can_approve(page, user):
    task_state = page.current_workflow_task_state
    if task_state is None:
        return False
    actions = task_state.task.specific.get_actions(page, user)
    return any(name == "approve" for name, _label, _modal in actions)


def approve_translation(translation, user):
    """Approve the page's current review task with the translation as it now stands; the
    workflow records the approval and publishes. Raises PermissionDenied for those who may not
    approve, ValidationError if the translated page is invalid. Returns the page."""
    page = translation.get_target_instance().specific
    if not user_can_approve(page, user):
        raise PermissionDenied
    task_state = page.current_workflow_task_state
    page = save_translation_as_draft(translation, user)
    task_state.task.specific.on_action(task_state, user, "approve")
    page.refresh_from_db()
    return page
