"""Passkeys (django-otp-webauthn) as a second factor after the password: its ceremonies, fitted
to this site's verification (accounts.policy.mark_verified) and to django-axes' lockout, where a
refused passkey counts like a wrong code (docs/security.md)."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import QueryDict
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions, views

from .policy import mark_verified
from .views import next_url


class LockedOut(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_detail = _("Too many failed attempts: you are logged out. Try again later.")
    default_code = "locked_out"


class PasskeyRefused(exceptions.OTPWebAuthnApiError):
    """One message for every refused assertion: the library's own details are not translated."""

    status_code = 403
    default_detail = _("This passkey was not accepted. Try again, or enter a code.")
    default_code = "passkey_refused"


def credentials(request):
    return {"username": request.user.get_username()}


def end_if_locked_out(request):
    """Log out a user whose username and address are locked out (django-axes)."""
    if AxesProxyHandler.is_locked(request, credentials(request)):
        logout(request)
        raise LockedOut()


def count_failure(request):
    """A refused passkey, counted like a wrong password or code; the error to answer with."""
    user_login_failed.send(sender=__name__, credentials=credentials(request), request=request)
    try:
        end_if_locked_out(request)
    except LockedOut as locked_out:
        return locked_out
    return PasskeyRefused()


class RefusesMalformedBodies:
    """The library answers 500 to a body that is not UTF-8 (its json.loads raises
    UnicodeDecodeError, which it does not catch) or is JSON but not an object: 400 instead."""

    def initial(self, request, *args, **kwargs):
        if not isinstance(request.data, dict | QueryDict):
            raise exceptions.MalformedRequest()
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, UnicodeDecodeError):
            exc = exceptions.MalformedRequest()
        return super().handle_exception(exc)


class BeginPasskeyRegistrationView(RefusesMalformedBodies, views.BeginCredentialRegistrationView):
    pass


class BeginPasskeyAuthenticationView(
    RefusesMalformedBodies, views.BeginCredentialAuthenticationView
):
    def check_can_authenticate(self):
        super().check_can_authenticate()
        end_if_locked_out(self.request)


class CompletePasskeyAuthenticationView(
    RefusesMalformedBodies, views.CompleteCredentialAuthenticationView
):
    """A refused passkey counts towards the lockout like a wrong code (accounts.views); a
    malformed request, which tried no passkey, does not."""

    def check_can_authenticate(self):
        super().check_can_authenticate()
        end_if_locked_out(self.request)

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.OTPWebAuthnApiError) and not isinstance(
            exc, LockedOut | exceptions.MalformedRequest
        ):
            exc = count_failure(self.request)
        return super().handle_exception(exc)

    def complete_auth(self, device):
        mark_verified(self.request, device)

    def get_success_url(self):
        return next_url(self.request)


class CompletePasskeyRegistrationView(
    RefusesMalformedBodies, views.CompleteCredentialRegistrationView
):
    """A first passkey verifies the session as a first code from the app does."""

    def post(self, *args, **kwargs):
        was_verified = self.request.user.is_verified()
        response = super().post(*args, **kwargs)
        if not was_verified:
            mark_verified(self.request, self.request.user.otp_device)
        return response


# Under the library's namespace, which its template tags reverse.
urlpatterns = [
    path(
        "registration/begin/",
        BeginPasskeyRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompletePasskeyRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginPasskeyAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompletePasskeyAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    # Its JavaScript's strings; the French ones come from LOCALE_PATHS (locale/fr/…/djangojs.po).
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
# The views a signed-in user reaches before the second factor (accounts.middleware).
AUTHENTICATION_VIEWS = {
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
}
REGISTRATION_VIEWS = {
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
}
CATALOGUE_VIEW = "otp_webauthn:js-i18n-catalog"
