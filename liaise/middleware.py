"""Middleware of the site as a whole: the admin's own Content-Security-Policy, and a friendly
503 page while the database is unreachable."""

import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, sending ADMIN_CONTENT_SECURITY_POLICY instead of the public
    site's CONTENT_SECURITY_POLICY under ADMIN_URL_PREFIXES: the Wagtail admin needs inline
    scripts and styles, which the public pages do without."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class DatabaseUnavailableMiddleware:
    """Answer 503 with templates/503.html, instead of a server error, when the database cannot
    be reached (down, restarting, out of connections). The page needs no database, and the next
    request opens a new connection (CONN_HEALTH_CHECKS), so the site recovers by itself."""

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
