import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

# Images and renditions served by the app (`make run`, `make serve`) may be kept by browsers a
# day: a new picture gets a new file name.
MEDIA_MAX_AGE = 24 * 3600


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


@require_safe
def media(request, path):
    """MEDIA_ROOT, when no web server in front serves it (`make run`, `make serve`): Django's
    file view, with a 404 for names the file system refuses (too long) instead of a 500."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        raise Http404("No such file") from error
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response
