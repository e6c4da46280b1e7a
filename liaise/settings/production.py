"""Production: everything comes from the environment; a real secret key and the site's host
names are mandatory. Served by gunicorn, static files by WhiteNoise. S3 media, a Redis cache, CDN
purging and Elasticsearch are each switched on by their variables (docs/operations.md)."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    BASE_DIR,
    CACHES,
    CONTENT_SECURITY_POLICY,
    INSTALLED_APPS,
    MIDDLEWARE,
    PAGE_CACHE_SECONDS,
    SECRET_KEY,
    WAGTAILSEARCH_BACKENDS,
    env_bool,
    env_list,
    passkey_relying_party,
)

DEBUG = False

if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured(
        "Set the SECRET_KEY environment variable to a random string of at least 32 characters."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set the ALLOWED_HOSTS environment variable to the site's host names, comma-separated "
        '(no "*").'
    )
# The public address that every absolute link names; by default the first host name, over HTTPS.
SITE_URL = os.environ.get("SITE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}").rstrip("/")
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(SITE_URL)

# -- HTTPS, behind reverse proxies (load balancer, web server) that terminate TLS -------------
# The proxy in front sets X-Forwarded-Proto, overwriting any that a client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies stand between visitors and gunicorn, each appending the address it received
# the request from to X-Forwarded-For: 1 for a web server alone, 2 for a load balancer and a web
# server; 0 (the default) trusts no X-Forwarded-For (liaise.middleware).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

MIDDLEWARE = [
    *MIDDLEWARE[:1],  # SecurityMiddleware first, then WhiteNoise, as WhiteNoise requires.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "liaise.middleware.ForwardedClientAddressMiddleware",
    *MIDDLEWARE[1:],
]

# -- Static files: WhiteNoise serves them from STATIC_ROOT (collectstatic), compressed and
# under content-hashed names that browsers and CDNs may cache forever ------------------------
STORAGES = {
    **STORAGES,  # noqa: F405 - media: images public, documents private (core/storage.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


# -- Media: on disk (MEDIA_ROOT), or in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is
# set (django-storages; credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) ---------
# On disk, the web server in front serves MEDIA_URL; Django does only when SERVE_MEDIA is on, for
# a local run with nothing in front (`make serve`).
SERVE_MEDIA = env_bool("SERVE_MEDIA")


def s3_media_storage(bucket_name):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket_name,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public, stable URLs (images are cached by browsers and CDNs); never overwrite.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }


def s3_private_storage(bucket_name):
    """Documents: private objects, read by the app only (Wagtail's serve view streams them), in
    their own bucket, or under private-documents/ of the media bucket, which no bucket policy
    may make public (docs/operations.md)."""
    public = s3_media_storage(bucket_name)["OPTIONS"]
    private_bucket = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **public,
            "bucket_name": private_bucket or bucket_name,
            "location": "" if private_bucket else "private-documents",
            "custom_domain": None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }


def s3_media_origins(storage_options):
    """Where the browser fetches media from, for the Content-Security-Policy."""
    if storage_options["custom_domain"]:
        return [f"https://{storage_options['custom_domain']}"]
    host = urlsplit(storage_options["endpoint_url"] or "https://amazonaws.com").netloc
    # Path-style (host/bucket/…) or virtual-host-style (bucket.host/…) addresses.
    return [f"https://{host}", f"https://*.{host}"]


def with_image_sources(policy, sources):
    directives = policy["DIRECTIVES"]
    return {**policy, "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], *sources]}}


if bucket_name := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["public_media"] = s3_media_storage(bucket_name)
    STORAGES["private_documents"] = s3_private_storage(bucket_name)
    media_origins = s3_media_origins(STORAGES["public_media"]["OPTIONS"])
    CONTENT_SECURITY_POLICY = with_image_sources(CONTENT_SECURITY_POLICY, media_origins)
    ADMIN_CONTENT_SECURITY_POLICY = with_image_sources(ADMIN_CONTENT_SECURITY_POLICY, media_origins)

# -- Cache: shared by every app server in Redis when REDIS_URL is set, else per process -------
# Both caches fail soft (pagecache/backends.py): when Redis is down, slow or full, pages are
# rendered from the database. Short timeouts, so that a hung Redis does not hold workers. Every
# entry expires except the page cache's generation, so that Redis, run with a maxmemory and
# `maxmemory-policy volatile-lru` (docs/operations.md, "Beyond one machine"), evicts pages,
# never it.
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5"))


def redis_cache(redis_url, **params):
    return {
        "BACKEND": "pagecache.backends.FailSoftRedisCache",
        "LOCATION": redis_url,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        },
        **params,
    }


if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(redis_url)}
# The page cache (pagecache/) must be one for all gunicorn workers, so that an invalidation
# reaches each of them: in Redis too, else in files on this machine (PAGE_CACHE_DIR). Pages
# expire; their generation and versions never do, and are kept apart from them (a full file
# cache culls a third of its files at random: they are in files of their own, never culled;
# Redis's volatile-lru evicts only keys that expire).
PAGE_CACHE_DIR = Path(os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")))


def page_file_cache(location, **params):
    return {"BACKEND": "pagecache.backends.FailSoftFileCache", "LOCATION": str(location), **params}


CACHES = {
    **CACHES,
    "pages": (
        redis_cache(redis_url, KEY_PREFIX="pages", TIMEOUT=PAGE_CACHE_SECONDS)
        if redis_url
        else page_file_cache(
            PAGE_CACHE_DIR,
            TIMEOUT=PAGE_CACHE_SECONDS,
            # Every page of both languages (x100: 12,000) and what is kept per generation.
            OPTIONS={"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "30000"))},
        )
    ),
    "page_generation": (
        redis_cache(redis_url, KEY_PREFIX="pages", TIMEOUT=None)
        if redis_url
        else {
            "BACKEND": "pagecache.backends.FailSoftNumberFileCache",
            "LOCATION": str(PAGE_CACHE_DIR / "generation"),
            "TIMEOUT": None,
        }
    ),
}


# -- CDN: Wagtail purges a page's URLs when it is published or unpublished ----------------------
def frontend_cache_backends():
    """WAGTAILFRONTENDCACHE from the FRONTEND_CACHE_* variables that are set."""
    backends = {}
    if zone_id := os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone_id,
            "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
        }
    if distribution_id := os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution_id,
        }
    if location := os.environ.get("FRONTEND_CACHE_HTTP_LOCATION"):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    return backends


if WAGTAILFRONTENDCACHE := frontend_cache_backends():
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]

# -- Search: Elasticsearch or OpenSearch instead of PostgreSQL when SEARCH_URL is set; the same
# backends (one per language), each with its own index -----------------------------------------
if search_url := os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        name: {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [search_url],
            "INDEX_PREFIX": f"liaise_{name}_",
            "LANGUAGE": options["LANGUAGE"],
        }
        for name, options in WAGTAILSEARCH_BACKENDS.items()
    }


# -- Mail: the worker (send_queued_mail) delivers the queue to this SMTP server -----------------
def smtp_settings_from_url(url):
    """EMAIL_HOST and the rest from one address: smtp://user:password@host:587?tls=1 (STARTTLS)
    or smtps://user:password@host (TLS from the start, port 465 by default)."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(
            "EMAIL_URL must start with smtp:// or smtps://, e.g. smtp://user:password@host:587?tls=1"
        )
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    return {
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": options.get("tls", "").lower() in {"1", "true", "yes", "on"},
        "EMAIL_USE_SSL": parts.scheme == "smtps",
    }


def smtp_settings_from_variables():
    return {
        "EMAIL_HOST": os.environ.get("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "25")),
        "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS"),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL"),
    }


def smtp_settings():
    """From EMAIL_URL when it is set, else from the separate variables."""
    email_url = os.environ.get("EMAIL_URL")
    smtp = smtp_settings_from_url(email_url) if email_url else smtp_settings_from_variables()
    if smtp["EMAIL_USE_TLS"] and smtp["EMAIL_USE_SSL"]:
        raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL, not both.")
    return smtp


smtp = smtp_settings()
EMAIL_HOST = smtp["EMAIL_HOST"]
EMAIL_PORT = smtp["EMAIL_PORT"]
EMAIL_HOST_USER = smtp["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = smtp["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = smtp["EMAIL_USE_TLS"]
EMAIL_USE_SSL = smtp["EMAIL_USE_SSL"]

# -- Logging: one JSON object per line on stdout, for the process manager to collect -----------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{levelname}{name}{message}",
            "style": "{",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
        }
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    # post_office gives its logger a plain-text handler of its own unless it has one. Its
    # failures are errors; the three lines of progress of each run (INFO) are left out.
    "loggers": {"post_office": {"handlers": ["stdout"], "level": "WARNING", "propagate": False}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
