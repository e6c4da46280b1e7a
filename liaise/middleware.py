"""Middleware of the site as a whole: a 400 for addresses no browser sends, the admin's own
Content-Security-Policy, no language redirect of a 404 outside the language prefixes, a friendly
503 page while the database is unreachable, and the visitor's address behind reverse proxies."""

import logging
from urllib.parse import unquote_to_bytes

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

from core.admin_paths import is_admin_path

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60


class MalformedAddressMiddleware:
    """Answer 400 (templates/400.html) to a request whose path or query string holds a NUL
    character, a surrogate or percent-encoded bytes that are not UTF-8, on public pages, the API
    and the admin alike. No browser sends them; PostgreSQL refuses NUL in any string, so further
    on they would be server errors (or a 503 from DatabaseUnavailableMiddleware) instead of what
    they are, bad requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = as_bytes(request.path_info)
        query = unquote_to_bytes(as_bytes(request.META.get("QUERY_STRING", "")))
        if not (is_clean_text(path) and is_clean_text(query)):
            raise BadRequest("NUL character or invalid UTF-8 in the request's address")
        return self.get_response(request)


def as_bytes(text):
    """UTF-8, keeping surrogates (which decoding then refuses)."""
    return text.encode("utf-8", errors="surrogatepass")


def is_clean_text(data):
    """True when `data` (bytes) is UTF-8 (surrogates excluded) without a NUL character."""
    try:
        return "\x00" not in data.decode("utf-8")
    except UnicodeDecodeError:
        return False


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except for a 404 answered by a view outside the language prefixes (an API
    object that does not exist): Django would redirect it to the same address under /en/, which
    Wagtail's catch-all pattern always matches, and an API client would get a redirect to an
    HTML page instead of its 404."""

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, sending ADMIN_CONTENT_SECURITY_POLICY instead of the public
    site's CONTENT_SECURITY_POLICY under ADMIN_URL_PREFIXES: the Wagtail admin needs inline
    scripts and styles, which the public pages do without. Previews of public pages keep the
    public policy, but may be framed by the admin's preview panel."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts  # a view chose its own policy
        if is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif getattr(request, "is_preview", False):  # set by Wagtail's make_preview_request
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not send: Permissions-Policy denies the browser features the site
    never uses (the admin keeps passkeys, WebAuthn), and Cross-Origin-Resource-Policy keeps
    other sites from loading its pages as resources. Below the page cache, so stored pages keep
    them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = is_admin_path(request.path_info)
        denied = UNUSED_FEATURES if admin else (*UNUSED_FEATURES, *PASSKEY_FEATURES)
        response.headers.setdefault("Permissions-Policy", ", ".join(f"{f}=()" for f in denied))
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


# Browser features no page of the site uses (names Chromium knows: an unknown one is an error in
# the console).
UNUSED_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PASSKEY_FEATURES = ("publickey-credentials-create", "publickey-credentials-get")


class IncompleteFormMiddleware:
    """Answer 400, not 500, to a form posted without a field the view reads unconditionally
    (MultiValueDictKeyError: no browser sends such a form, e.g. the page editor's StreamField
    counts): as JSON to the editor's autosave, else with templates/400.html."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MultiValueDictKeyError):
            return None
        logger.warning("Incomplete form posted to %s: %s", request.path, exception)
        message = _("The form sent was incomplete: reload the page and try again.")
        if not request.accepts("text/html"):
            return JsonResponse(
                {"success": False, "error_code": "incomplete_form", "error_message": message},
                status=400,
            )
        html = loader.get_template("400.html").render(request=request)
        return HttpResponse(html, status=400)


class DatabaseUnavailableMiddleware:
    """Answer 503 with templates/503.html, instead of a server error, when the database cannot
    be reached (down, restarting, out of connections) or fails transiently (a deadlock, a
    timeout). The page needs no database, and the next request replaces a dead connection
    (CONN_HEALTH_CHECKS), so the site recovers by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable while serving %s: %s", request.path, exception)
        return service_unavailable_response()


def service_unavailable_response():
    html = loader.get_template("503.html").render()
    return HttpResponse(html, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


class ForwardedClientAddressMiddleware:
    """Behind PROXY_COUNT reverse proxies (load balancer, web server), the connection comes from
    the nearest proxy: set REMOTE_ADDR to the visitor's address, which the outermost proxy added
    to X-Forwarded-For, so that login throttling and comment rate limits count visitors, not
    proxies. Addresses further left in the header come from the client and are not trusted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if address := client_address(forwarded_for, settings.PROXY_COUNT):
            request.META["REMOTE_ADDR"] = address
        return self.get_response(request)


def client_address(forwarded_for, proxy_count):
    """The address that the outermost of proxy_count proxies appended to X-Forwarded-For."""
    addresses = [address.strip() for address in forwarded_for.split(",") if address.strip()]
    if not proxy_count or len(addresses) < proxy_count:
        return None
    return addresses[-proxy_count]
