"""Public pages compressed with Brotli or gzip, as the browser accepts (docs/performance.md,
"The page cache").

Only pages that are the same for every visitor are compressed: compressing a page that holds a
secret of its visitor (a CSRF token, the e-mail address the comment form remembers) next to
text an attacker can put in it would let them guess the secret from the compressed size
(BREACH). So the admin, visitors with a personal cookie and responses that used a CSRF token
are sent as they are. The page cache stores each page once per encoding, compressed once.
"""

import gzip

from django.utils.cache import patch_vary_headers

try:  # in the production extra; without it, gzip only
    import brotli
except ImportError:  # pragma: no cover - the test environment installs it
    brotli = None

MIN_SIZE = 200
COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/json", "application/rss+xml")


def available_encodings():
    return ("br", "gzip") if brotli else ("gzip",)


def compress(content, encoding):
    if encoding == "br":
        return brotli.compress(content, quality=5)
    return gzip.compress(content, compresslevel=6, mtime=0)


def accepted_encoding(request):
    """The encoding to send the response in: Brotli, else gzip, if the browser accepts it."""
    offered = {
        part.split(";")[0].strip().lower(): ";q=0" not in part.replace(" ", "")
        for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(",")
    }
    return next((encoding for encoding in available_encodings() if offered.get(encoding)), None)


def is_compressible(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and len(response.content) >= MIN_SIZE
    )


def holds_a_secret(request):
    """The response shows a CSRF token of this visitor (Django marks the request when a
    template asks for one)."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE"))


def variants(content):
    """{encoding: compressed content} to store with a cached page."""
    return {encoding: compress(content, encoding) for encoding in available_encodings()}


def encode(request, response, stored=None):
    """The response compressed as the browser accepts (from `stored` variants when given),
    varying on Accept-Encoding; the caller has checked that it holds no visitor's secret."""
    if not is_compressible(response):
        return response
    patch_vary_headers(response, ["Accept-Encoding"])
    encoding = accepted_encoding(request)
    if encoding is None:
        return response
    compressed = (stored or {}).get(encoding) or compress(response.content, encoding)
    response.content = compressed
    response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(compressed))
    return response
