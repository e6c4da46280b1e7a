"""Whole pages for anonymous visitors, from the cache (docs/performance.md).

A GET is answered from the cache when the visitor carries none of the cookies that make a page
personal (a session: logged in, or holding their own comments awaiting moderation; the comment
form's "remember me" cookie) and a copy of this URL (host, path, query without tracking
parameters, language) was stored in the current generation (pagecache/cache.py), with the
versions of the parts it shows that have one of their own: its comments, the sections whose
pages it shows (pagecache/versions.py).

A response is stored when it is a 200 to such a visitor with no cookie to set, whose query
holds only parameters the page read and found valid (pagecache/parameters.py), no
Cache-Control of its own that forbids it (`never_cache` views, such as search, opt out that
way), and no Vary beyond Cookie, Accept-Language and Accept-Encoding. Stored pages are sent with
`Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE, s-maxage=PAGE_CACHE_S_MAXAGE` for a CDN;
responses to visitors with personal cookies get `private, no-store`. The X-Page-Cache header
says what happened: hit, miss (stored now), bypass (personal); none when the page was rendered
without being stored (not storable, or the cache failing).

It sits right after SecurityMiddleware (and WhiteNoise), so that a hit skips sessions,
locale, CSRF, authentication and the view; stored headers include those of the middleware
below it (Content-Security-Policy, X-Frame-Options, Content-Language…). Every request, cached
or not, reads the cache's generation once for data cached per generation
(pagecache/cache.py). When the cache fails, there is no generation: the page is rendered and
served, and nothing is stored (pagecache/backends.py). Pages that are the same for everyone go
out compressed as the browser accepts, stored pages from copies compressed once
(pagecache/compression.py).
"""

import functools
import hashlib
import math
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from wagtail import hooks

from .cache import (
    current_generation,
    failures_of_the_cache,
    generation_for_request,
    generation_from,
    numbers_for_request,
    page_cache,
    stored_generation,
)
from .compression import (
    accepted_encoding,
    compress,
    encode,
    holds_a_secret,
    is_compressible,
    variants,
)
from .parameters import has_canonical_query, parameters_for_request
from .versions import declare_every_section_unless_named, still_current, versions_for_request

STATUS_HEADER = "X-Page-Cache"
# A response varying on anything else is not stored: the key does not hold it.
CACHEABLE_VARY = {"cookie", "accept-language", "accept-encoding"}
# Query parameters that only analytics read: left out of the key.
TRACKING_PARAMETER_PREFIXES = ("utm_", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_ga")
# Wagtail hook: functions (request, response) -> response run on cache hits, to freshen what
# must not be shared as stored (the comment form's signed time, discussion/forms.py): they may
# change the content only, the same way for every visitor within a second.
CACHE_HIT_HOOK = "before_serve_cached_page"
UNSTORED_HEADERS = {"set-cookie", STATUS_HEADER.lower()}
# Copies of pages this process served or stored lately: {key: (until when, entry)}, so that a
# hit reads the generation and versions, not the whole page (a hundred kilobytes to read and
# decompress from the file cache, or to fetch from Redis).
hot_entries = {}
HOT_ENTRIES = 200
HOT_ENTRY_SECONDS = 60
# The page as the hit hooks made it this second: {key: (second, entry, content, variants)}.
served_now = {}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with numbers_for_request():
            return self.respond(request)

    def respond(self, request):
        key = key_if_cacheable(request)
        if key is None:
            with generation_for_request(current_generation()), versions_for_request():
                response = self.get_response(request)
            return personal(response) if is_personal(request) else compressed(request, response)

        generation = generation_from(stored_generation())
        entry = current_entry(key, generation) if generation is not None else None
        if entry is not None:
            return serve_hit(request, key, entry)
        with (
            generation_for_request(generation),
            parameters_for_request() as parameters,
            versions_for_request() as versions,
        ):
            response = self.get_response(request)
            declare_every_section_unless_named()
        if (
            generation is not None
            and None not in versions.values()
            and has_canonical_query(untracked_query(request), parameters)
            and is_storable(request, response)
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_S_MAXAGE,
            )
            patch_vary_headers(response, ["Cookie"])
            entry = make_entry(response, generation, versions)
            if stored(key, entry):
                keep_hot(key, entry)
                response[STATUS_HEADER] = "miss"
            return encode(request, response, entry["variants"])
        return compressed(request, response)


def stored(key, entry):
    """Whether the shared cache took the page: a failing store drops it without a word (a
    restarted Redis, a stale connection), and a page no other process can find must be
    neither announced as stored nor served as stored by this one."""
    with failures_of_the_cache() as failed:
        page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    return not failed


def current_entry(key, generation):
    """The stored copy of `key` still in force (made in `generation`, with versions still
    current), or None: this process's hot copy when it has one, else the shared cache's."""
    hot = hot_entries.get(key)
    if hot is not None and hot[0] > time.monotonic() and is_current(hot[1], generation):
        return hot[1]
    entry = page_cache().get(key)
    if entry is None or not is_current(entry, generation):
        return None
    keep_hot(key, entry)
    return entry


def is_current(entry, generation):
    return entry["generation"] == generation and still_current(entry.get("versions"))


def keep_hot(key, entry):
    """Keep a copy this process served or stored, for HOT_ENTRY_SECONDS at most (the shared
    copy can expire or be culled meanwhile: this one is still right, its generation and
    versions checked at every hit), HOT_ENTRIES of them, the oldest dropped first."""
    hot_entries.pop(key, None)
    if len(hot_entries) >= HOT_ENTRIES:
        del hot_entries[next(iter(hot_entries))]
    hot_entries[key] = (time.monotonic() + HOT_ENTRY_SECONDS, entry)


def key_if_cacheable(request):
    """The cache key of this request, or None when it must not come from the cache."""
    if not is_shared_request(request) or has_personal_cookie(request):
        return None
    try:
        return cache_key(request)
    except DisallowedHost:
        return None


def is_public_get(request):
    """A GET of a public page: not the admin, documents, /healthz…"""
    return request.method in ("GET", "HEAD") and not is_excluded_path(request.path_info)


def is_shared_request(request):
    """A public GET that the page cache may answer with the same page for everyone."""
    return settings.PAGE_CACHE_ENABLED and is_public_get(request)


def is_personal(request):
    """A shared request from a visitor whose page is their own (see the module docstring)."""
    return is_shared_request(request) and has_personal_cookie(request)


def compressed(request, response):
    """The response compressed when it is the same for everyone (pagecache/compression.py)."""
    if is_public_get(request) and not has_personal_cookie(request) and not holds_a_secret(request):
        return encode(request, response)
    return response


def is_excluded_path(path):
    """The admin, documents, /healthz…: never from the page cache."""
    return path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def has_personal_cookie(request):
    names = {settings.SESSION_COOKIE_NAME, *settings.PAGE_CACHE_PERSONAL_COOKIES}
    return not names.isdisjoint(request.COOKIES)


def personal(response):
    """A response for this visitor only: no shared cache (nor the browser's disk) keeps it."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    response[STATUS_HEADER] = "bypass"
    return response


def cache_key(request):
    """The URL as the visitor asked for it (without tracking parameters, query sorted) and the
    language it is served in (from the path, else as LocaleMiddleware chooses it). Of the
    host, only the name, in lower case: pages name SITE_URL in every absolute link, so the
    port or the case of a Host header (one of ALLOWED_HOSTS) never changes a page, and a
    flood of variants must not add copies."""
    query = untracked_query(request)
    language = get_language_from_request(request, check_path=True)
    url = (
        f"{request.scheme}://{host_name(request.get_host())}{request.path}"
        f"?{urlencode(sorted(query)) if query else ''} {language}"
    )
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


@functools.lru_cache(maxsize=64)
def host_name(host):
    """The name in a Host header that Django accepted (a few a site: remembered)."""
    return split_domain_port(host)[0]


def untracked_query(request):
    """The query's (name, value) pairs, without the parameters only analytics read."""
    return [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMETER_PREFIXES)
    ]


def is_storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", ""))}
    if vary - CACHEABLE_VARY - {""}:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def make_entry(response, generation, versions):
    return {
        "generation": generation,
        "versions": versions,
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ],
        "content": response.content,
        "variants": variants(response.content),
    }


def serve_hit(request, key, entry):
    """The stored page, as the hit hooks make it now, in the encoding the browser accepts."""
    encoding = accepted_encoding(request)
    served = page_served_now(request, key, entry)
    if encoding not in served["responses"]:
        served["responses"][encoding] = encoded_hit(request, encoding, entry, served)
    body, headers = served["responses"][encoding]
    return HttpResponse(body, status=entry["status"], headers=headers)


def encoded_hit(request, encoding, entry, served):
    """(body, headers) of a hit in `encoding` (the one `request` accepts), from the page as
    served this second: compressed once for this second's page when no stored copy fits."""
    content, variants = served["content"], served["variants"]
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(content))
    response[STATUS_HEADER] = "hit"
    if encoding is not None and encoding not in variants and is_compressible(response):
        variants[encoding] = compress(content, encoding)
    response = encode(request, response, variants)
    return response.content, list(response.items())


def page_served_now(request, key, entry):
    """{"content", "variants": {encoding: compressed content}, "responses": {encoding: (body,
    headers)}} of the stored page as the hit hooks make it now: worked out once a second per
    page, as the hooks give the same page within a second (the comment form's time stamp
    counts whole seconds), each encoding's response once in that second."""
    second = math.floor(time.time())
    served = served_now.get(key)
    if served is not None and served["second"] == second and served["entry"] is entry:
        return served
    response = HttpResponse(entry["content"])
    for hook in hooks.get_hooks(CACHE_HIT_HOOK):
        response = hook(request, response)
    content = response.content
    if len(served_now) >= HOT_ENTRIES:
        served_now.clear()
    served_now[key] = served = {
        "second": second,
        "entry": entry,
        "content": content,
        "variants": entry["variants"] if content == entry["content"] else {},
        "responses": {},
    }
    return served
