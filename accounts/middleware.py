"""The admin's second factor, enforced (docs/security.md): after the password, an enrolled user
verifies a code before any admin page (Wagtail's or Django's), and a moderator or administrator
who has not enrolled yet can open enrolment only. Public pages and the API are not concerned."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from core.admin_paths import is_admin_path

from .passkeys import AUTHENTICATION_VIEWS, CATALOGUE_VIEW, REGISTRATION_VIEWS
from .policy import end_expired_verification, has_second_factor, second_factor_required

# Open to a signed-in user before the second factor: signing in and out, the admin's assets.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
    CATALOGUE_VIEW,
}
VERIFY_VIEW = "accounts_verify"
ENROLMENT_VIEW = "accounts_setup"
# Verification by a passkey; enrolment of one (which the library refuses to an enrolled user
# who has not verified).
VERIFY_VIEWS = {VERIFY_VIEW, *AUTHENTICATION_VIEWS}
ENROLMENT_VIEWS = {ENROLMENT_VIEW, *REGISTRATION_VIEWS}


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not is_admin_path(request.path_info) or not user.is_authenticated:
            return None
        if end_expired_verification(request):
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        view_name = request.resolver_match.view_name
        if user.is_verified() or view_name in OPEN_VIEWS:
            return None
        if has_second_factor(user):
            return None if view_name in VERIFY_VIEWS else send_to(VERIFY_VIEW, request)
        if second_factor_required(user) and view_name not in ENROLMENT_VIEWS:
            return send_to(ENROLMENT_VIEW, request)
        return None


def send_to(view_name, request):
    """To the verification or enrolment page, coming back here afterwards."""
    return redirect_to_login(request.get_full_path(), reverse(view_name))
