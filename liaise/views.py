import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 otherwise. The
    site serves pages without its cache (pagecache/backends.py), so a failing cache only adds
    "; cache degraded: <aliases>" to the "ok", for monitoring to alert on."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    failing = [alias for alias in settings.CACHES if not cache_answers(caches[alias])]
    status = f"ok; cache degraded: {', '.join(failing)}" if failing else "ok"
    return HttpResponse(status, content_type="text/plain")


def cache_answers(cache):
    """Whether `cache` keeps what it is given (a fail-soft cache loses it when failing)."""
    key = f"healthz:{secrets.token_hex(8)}"  # one per probe: servers probe at the same time
    cache.set(key, True, timeout=10)
    kept = cache.get(key, False)
    cache.delete(key)
    return kept


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever a page's <link rel="icon"> says."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
