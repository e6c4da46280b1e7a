"""Enrolment, verification at login and resets of the admin's second factor."""

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .devices import (
    confirm_authenticator,
    has_authenticator,
    passkey_count,
    pending_authenticator,
    qr_code_svg,
    remaining_recovery_codes,
    replace_recovery_codes,
    reset_second_factor,
    seconds_before_next_try,
    secret_text,
)
from .forms import CodeForm
from .policy import has_second_factor, mark_verified, second_factor_required


def next_url(request):
    """Where the user was going (a local address only), else the dashboard."""
    url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def recovery_codes_response(request, codes):
    """The one page that ever shows these codes."""
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)}
    )


class TwoStepView(WagtailAdminTemplateMixin, TemplateView):
    """The user's own second factor, from their account page."""

    template_name = "accounts/two_step.html"
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            has_authenticator=has_authenticator(user),
            passkey_count=passkey_count(user),
            remaining_recovery_codes=remaining_recovery_codes(user),
            required=second_factor_required(user),
            **kwargs,
        )


class SetupView(FormView):
    """Enrolment: scan the QR code (or type the secret), then prove it with a first code; or
    register a passkey (accounts.passkeys), which then leads on to `next`."""

    template_name = "accounts/setup.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if has_authenticator(request.user):
            messages.info(request, _("Your authenticator app is already set up."))
            return redirect("accounts_two_step")
        self.device = pending_authenticator(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr_code=qr_code_svg(self.device),
            secret=secret_text(self.device),
            required=second_factor_required(self.request.user),
            next=next_url(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        if not self.device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("This code is not the one your app shows. Try the next one."))
            return self.form_invalid(form)
        codes = confirm_authenticator(self.device)
        mark_verified(self.request, self.device)
        return recovery_codes_response(self.request, codes)


class VerifyView(FormView):
    """After the password: a code from the app, or a recovery code. Each wrong code counts
    towards django-axes' lockout like a wrong password, which then ends the session."""

    template_name = "accounts/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not has_second_factor(request.user) or request.user.is_verified():
            return redirect(next_url(request))
        if AxesProxyHandler.is_locked(request, self.credentials()):
            return self.lock_out()
        return super().dispatch(request, *args, **kwargs)

    def credentials(self):
        return {"username": self.request.user.get_username()}

    def get_context_data(self, **kwargs):
        """A user with passkeys only has no code to enter: the page offers the passkey alone."""
        user = self.request.user
        return super().get_context_data(
            has_codes=has_authenticator(user) or remaining_recovery_codes(user) > 0,
            has_passkey=passkey_count(user) > 0,
            **kwargs,
        )

    def form_valid(self, form):
        if wait := seconds_before_next_try(self.request.user):
            return self.code_refused(form, too_soon_message(wait))
        device = django_otp.match_token(self.request.user, form.cleaned_data["code"])
        if device is None:
            return self.code_refused(
                form, _("This code is not valid. Try the next one, or a recovery code.")
            )
        mark_verified(self.request, device)
        return redirect(next_url(self.request))

    def code_refused(self, form, message):
        """Refused or not checked, a code counts towards the lockout (brute force)."""
        user_login_failed.send(
            sender=__name__, credentials=self.credentials(), request=self.request
        )
        if AxesProxyHandler.is_locked(self.request, self.credentials()):
            return self.lock_out()
        form.add_error("code", message)
        return self.form_invalid(form)

    def lock_out(self):
        credentials = self.credentials()
        logout(self.request)
        return get_lockout_response(self.request, credentials=credentials)


def too_soon_message(seconds):
    return ngettext(
        "Wait %(seconds)d second before the next code: after a wrong code, the next one is "
        "checked only after a short delay.",
        "Wait %(seconds)d seconds before the next code: after wrong codes, the next one is "
        "checked only after a short delay.",
        seconds,
    ) % {"seconds": seconds}


class RecoveryCodesView(View):
    """New recovery codes (the old ones void), for a user whose app is set up."""

    def post(self, request):
        if not has_authenticator(request.user):
            return redirect("accounts_two_step")
        return recovery_codes_response(request, replace_recovery_codes(request.user))


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes a user's second factor (a lost phone); the user enrols again
    at their next login. Logged in Wagtail's history."""

    template_name = "accounts/reset.html"
    page_title = gettext_lazy("Reset two-step verification")
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.target = get_object_or_404(get_user_model(), pk=user_id)
        if not can_reset(request.user, self.target):
            raise PermissionDenied
        return super().dispatch(request, user_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target, has_second_factor=has_second_factor(self.target), **kwargs
        )

    def post(self, request, user_id):
        reset_second_factor(self.target, by=request.user)
        messages.success(
            request,
            _("Two-step verification of %(user)s reset: they will set it up at their next login.")
            % {"user": self.target.get_username()},
        )
        return redirect("wagtailusers_users:index")


def can_reset(user, target):
    """Those who manage users; a superuser's second factor, only another superuser."""
    return user.has_perm("auth.change_user") and (user.is_superuser or not target.is_superuser)
