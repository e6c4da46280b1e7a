from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

# wagtail-localize's own views, wrapped below: it lets anyone who may edit a translated page
# stop its synchronisation or turn it into an alias, and has no permission of its own for either
# (the one "Can submit translations" of wagtail/wagtail-localize#108 covers all translation work).
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import stop_translation

from .languages import language_name
from .moderation import (
    NoWorkflowError,
    ParentNotTranslatedError,
    approve_translation,
    start_page_translation,
    submit_translation_for_moderation,
)
from .status import ALL_STATES, State, filter_statuses, section_choices, translation_statuses


def can_follow_translations(user):
    """Those who translate (translators, moderators, administrators) see what awaits them."""
    return user.has_perm("wagtail_localize.submit_translation")


@require_POST
def submit_for_moderation(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        with transaction.atomic():
            page = submit_translation_for_moderation(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be submitted: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
    except NoWorkflowError:
        messages.error(request, _("No moderation workflow covers this page."))
    else:
        messages.success(
            request,
            _("“%(title)s” was submitted for moderation in %(language)s.")
            % {
                "title": page.title,
                "language": language_name(translation.target_locale.language_code),
            },
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def approve_and_publish(request, translation_id):
    """A moderator approves the translated draft in review from its own editor: the workflow
    records the approval and publishes what the editor shows."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    try:
        with transaction.atomic():
            page = approve_translation(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be approved: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("“%(title)s” was approved and published in %(language)s.")
            % {
                "title": page.title,
                "language": language_name(translation.target_locale.language_code),
            },
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def start_translation(request, page_id, language_code):
    """Translators start the translation of an English page themselves: wagtail-localize creates
    the translated page as a draft in that language's tree, nowhere else."""
    if not can_follow_translations(request.user):
        raise PermissionDenied
    source_locale = Locale.get_default()
    page = get_object_or_404(Page, pk=page_id, locale=source_locale, live=True).specific
    targets = Locale.objects.exclude(pk=source_locale.pk)
    locale = get_object_or_404(targets, language_code=language_code)
    try:
        with transaction.atomic():
            translated = start_page_translation(page, locale, request.user)
    except ParentNotTranslatedError as error:
        messages.error(
            request,
            _("Translate “%(parent)s” into %(language)s first: “%(title)s” goes below it.")
            % {
                "parent": error.parent.title,
                "title": page.title,
                "language": language_name(locale.language_code),
            },
        )
        return redirect("localisation_translation_status")
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” has started.")
        % {"language": language_name(locale.language_code), "title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", translated.pk)


def translation_status_report(request):
    if not can_follow_translations(request.user):
        raise PermissionDenied
    section_id = request.GET.get("section", "")
    state = request.GET.get("state", "")
    statuses = filter_statuses(
        translation_statuses(),
        section_id=int(section_id) if section_id.isdigit() else None,
        state=state,
    )
    return TemplateResponse(
        request,
        "localisation/translation_status_report.html",
        {
            "statuses": statuses,
            "sections": section_choices(),
            "states": State.choices,
            "all_states": ALL_STATES,
            "selected_section": section_id,
            "selected_state": state,
        },
    )


def may_manage_translation(user, instance):
    """Who may stop a synced translation or turn it into an alias: for a page, those who may
    publish it; for a snippet, those who may add one (not translators, who translate them)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.has_perm(get_permission_name("add", type(instance)))


def for_managers_only(view, translated_instance):
    """wagtail-localize lets anyone who may edit a translation stop it or turn it into an alias
    of the English page: here only those who may manage it (may_manage_translation)."""

    @wraps(view)
    def guarded(request, **kwargs):
        if not may_manage_translation(request.user, translated_instance(**kwargs)):
            raise PermissionDenied
        return view(request, **kwargs)

    return guarded


def target_of_translation(translation_id):
    return get_object_or_404(Translation, pk=translation_id).get_target_instance()


def translated_page(page_id):
    return get_object_or_404(Page, pk=page_id)


guarded_stop_translation = for_managers_only(stop_translation, target_of_translation)
guarded_convert_to_alias = for_managers_only(convert_to_alias, translated_page)
