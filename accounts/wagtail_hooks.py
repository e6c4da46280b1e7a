from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import passkeys, views
from .devices import RESET_ACTION


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/", views.TwoStepView.as_view(), name="accounts_two_step"),
        path("two-step/verify/", views.VerifyView.as_view(), name="accounts_verify"),
        path("two-step/set-up/", views.SetupView.as_view(), name="accounts_setup"),
        path(
            "two-step/recovery-codes/",
            views.RecoveryCodesView.as_view(),
            name="accounts_recovery_codes",
        ),
        path("two-step/reset/<int:user_id>/", views.ResetView.as_view(), name="accounts_reset"),
        path("two-step/passkeys/", include((passkeys.urlpatterns, "otp_webauthn"))),
    ]


@hooks.register("register_account_menu_item")
def two_step_account_menu_item(request):
    return {
        "url": reverse("accounts_two_step"),
        "label": _("Two-step verification"),
        "help_text": _(
            "An authenticator app, passkeys and recovery codes, asked for after your password."
        ),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_step_button(user, request_user):
    if views.can_reset(request_user, user):
        yield Button(
            _("Reset two-step verification"),
            reverse("accounts_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_reset_action(actions):
    actions.register_action(
        RESET_ACTION, _("Reset two-step verification"), _("Two-step verification reset")
    )
