from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation

from .moderation import NoWorkflowError, submit_translation_for_moderation
from .status import page_translation_statuses


@require_POST
def submit_for_moderation(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        with transaction.atomic():
            submit_translation_for_moderation(translation, request.user)
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
                "language": get_language_info(translation.target_locale.language_code)[
                    "name_translated"
                ],
            },
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def can_follow_translations(user):
    """Those who translate (translators, moderators, administrators) see what awaits them."""
    return user.has_perm("wagtail_localize.submit_translation")


def translation_status_report(request):
    if not can_follow_translations(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "localisation/translation_status_report.html",
        {"statuses": page_translation_statuses()},
    )
