"""Settings shared by every environment; each reads its environment variables here."""

import os
import zoneinfo
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .languages import display_name, language_codes, search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's apps, the one list of them, bottom layer first: each may import only those
# before it (tests/test_layers.py). A new app is named here and nowhere else (packaging and
# lint find packages by themselves).
PROJECT_APPS = [
    "pagecache",
    "core",
    "editorial",
    "accounts",
    "localisation",
    "discussion",
    "contact",
    "network",
    "events",
    "pilots",
    "news",
    "resources",
    "search",
    "guide",
    "home",
    "archive",
    "demo",
]

INSTALLED_APPS = [
    # Top layer first: its templates and translations override those below.
    *reversed(PROJECT_APPS),
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "rest_framework",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "post_office",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL character or invalid UTF-8 in the address: 400 before anything reads it.
    "liaise.middleware.MalformedAddressMiddleware",
    # Next (after WhiteNoise in production): a cached page skips the rest.
    "pagecache.middleware.PageCacheMiddleware",
    "liaise.middleware.ContentSecurityPolicyMiddleware",
    "liaise.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, without its language redirect of an API 404 (liaise/middleware.py).
    "liaise.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin's second factor: django-otp tells whether the session passed it, accounts/
    # sends to verification or enrolment (ADMIN_2FA_REQUIRED; docs/security.md).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Changes to one page run one at a time (autosave, double clicks, second tabs).
    "editorial.publishing.OnePageChangeAtATimeMiddleware",
    "liaise.middleware.DatabaseUnavailableMiddleware",
    "liaise.middleware.IncompleteFormMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "liaise.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.static_archive",
            ],
        },
    },
]

WSGI_APPLICATION = "liaise.wsgi.application"

# SQLite next to the code unless DATABASE_URL names another database (e.g. PostgreSQL).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# SQLite (`make run`) with one writer and several readers at once: write-ahead logging lets
# visitors read while an editor saves, a writer waits up to 20 s for another instead of failing
# ("database is locked"), and a transaction takes its write lock when it starts, not half-way.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes), on the Wagtail and Django admin logins alike: 5 failures for
# one username from one IP address lock that pair out for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Not reset by a right password: wrong second-factor codes count too (accounts/views.py), and
# signing in again with the password must not give a new series of guesses.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

# A second factor (django-otp: an authenticator app, recovery codes) after the password at the
# Wagtail and Django admin logins; required of Moderators and Administrators while this is on
# (on here and in production, off in development and tests), optional for the other roles.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "LIAISE 2"


def passkey_relying_party(site_url):
    """The WebAuthn relying party id and allowed origins of SITE_URL. WebAuthn needs a domain
    name, and a browser treats http://localhost as secure: a loopback address becomes localhost
    (passkeys in development then need http://localhost:8000; docs/security.md)."""
    parts = urlsplit(site_url)
    host = "localhost" if parts.hostname in {"127.0.0.1", "::1"} else parts.hostname
    port = f":{parts.port}" if parts.port else ""
    return host, [f"{parts.scheme}://{host}{port}"]


# Passkeys (django-otp-webauthn) as a second factor only: never instead of the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "LIAISE 2"

# Security headers. Django's defaults already send X-Content-Type-Options: nosniff,
# Referrer-Policy: same-origin and X-Frame-Options: DENY (Wagtail's preview views relax the
# last to SAMEORIGIN for the editor's preview panel); HTTPS settings are in production.py.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp, liaise/middleware.py): public pages take scripts,
# styles and images from the site itself only, and no inline script. The Wagtail admin needs
# inline scripts and styles, so it gets a policy of its own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Avatars are uploaded or Wagtail's default (no Gravatar: WAGTAIL_GRAVATAR_PROVIDER_URL);
        # the dashboard checks releases.wagtail.org for upgrades.
        "img-src": [SELF, "data:", "blob:"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        # The editor's live preview is a frame of the admin itself.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Internationalisation: the languages of the site come from the environment, LANGUAGES=en,fr
# (the default), the source language first; the others are translated with wagtail-localize.
# docs/translation.md, "Adding a language".
LANGUAGE_CODES = language_codes(os.environ.get("LANGUAGES", "en,fr"))
LANGUAGE_CODE = LANGUAGE_CODES[0]
LANGUAGES = [(code, display_name(code)) for code in LANGUAGE_CODES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project's catalogue, then the French of libraries that ship none (locale_libraries/).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_libraries"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Brussels")
# The time zones a user may choose in their account: the IANA areas' zones and UTC. Python's
# full list also holds names of the system's own files ("localtime", "posixrules") that
# browsers refuse, which broke the account page's script.
TIME_ZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
WAGTAIL_USER_TIME_ZONES = sorted(
    zone
    for zone in zoneinfo.available_timezones()
    if zone == "UTC" or zone.partition("/")[0] in TIME_ZONE_AREAS
)
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Django itself serves MEDIA_ROOT in development; in production the web server in front does,
# or Django when SERVE_MEDIA is on (`make serve`).
SERVE_MEDIA = False

# Documents are kept apart from the public media, out of any public address: Wagtail's serve
# view, which applies a collection's privacy, is their only way out (core/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "public_media": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private_documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request body other than uploaded files (a page's form in the editor) may not exceed this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "LIAISE 2"
# No request to a third party for every admin page, nor broken avatars offline: avatars are
# uploaded in the account page, or Wagtail's default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LIAISE 2 <noreply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# E-mail: every message, ours and Wagtail's, is queued in the database (django-post-office,
# liaise/mail.py); the worker `manage.py send_queued_mail` delivers it through POST_OFFICE's
# backend, retrying while that fails, so no request waits for the mail server or fails with it.
EMAIL_BACKEND = "liaise.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
POST_OFFICE = {
    "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    "DEFAULT_PRIORITY": "medium",  # queued; "now" would send in the request
    # A failed delivery is retried every 10 minutes for 2 hours, then marked failed.
    "MAX_RETRIES": 12,
    "RETRY_INTERVAL": timedelta(minutes=10),
    # Failures and deliveries, in the e-mail's log in the admin.
    "LOG_LEVEL": 2,
    # One Message-ID per e-mail, kept across retries, in the sender's domain.
    "MESSAGE_ID_ENABLED": True,
    "MESSAGE_ID_FQDN": parseaddr(DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost",
}
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The site's public address, scheme and host (and port): every absolute link names it, e-mails
# included (core/site_address.py; docs/operations.md).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# True only while `manage.py build_archive` renders the site into static files (archive/):
# forms that need a server become notices, filters become links (docs/operations.md).
STATIC_ARCHIVE = False
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(SITE_URL)
# Full-text search: one backend per content language, each indexing that language's pages with
# its PostgreSQL text search configuration (search/backends.py; docs/search.md). A language
# without its own backend is indexed and searched by the default one.
WAGTAILSEARCH_BACKENDS = search_backends(LANGUAGE_CODES)
# Uploads: only these types, up to these sizes; the admin says which when it refuses a file.
# (A reverse proxy in front must accept bodies at least this large: docs/operations.md.)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# …whose content must be what the extension says (liaise/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "liaise.documents.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
# Where English reads that format day first too (liaise/formats/en/formats.py).
FORMAT_MODULE_PATH = ["liaise.formats"]

# Untranslated French copies must never go live by accident when a translator syncs.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DUMMY_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# DeepL when a key is configured; development and test settings fall back to the dummy one.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
    if os.environ.get("DEEPL_API_KEY")
    else None
)

NEWS_PAGE_SIZE = 10
PARTNERS_PAGE_SIZE = 24
EVENTS_PAGE_SIZE = 12
RESOURCES_PAGE_SIZE = 12

PILOTS_PAGE_SIZE = 12

# Caches. "pages" holds whole pages for anonymous visitors and the per-language chrome (menus,
# feed links), invalidated on publish and comment moderation (pagecache/; docs/performance.md)
# by a new generation, kept apart in "page_generation" so that culling a full "pages" never
# drops it. Production shares both between processes (Redis, or files): production.py.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    "page_generation": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "page-generation",
        "TIMEOUT": None,
        # Never culled: a version per page with comments, besides the generation.
        "OPTIONS": {"MAX_ENTRIES": 10**9},
    },
}
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_GENERATION_ALIAS = "page_generation"
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
# How long the server keeps a page (it is dropped sooner on any change), how long browsers may
# reuse it without asking (0: always ask; the server answers from its cache), and CDNs.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "600"))
# Cookies that make a page personal (besides the session): such visitors bypass the cache.
# How often each process looks in the database for an invalidation the shared cache missed
# while it was failing (pagecache/cache.py): a change made then shows at most this late.
PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS = int(
    os.environ.get("PAGE_CACHE_LOST_INVALIDATION_CHECK_SECONDS", "5")
)
PAGE_CACHE_PERSONAL_COOKIES = ["comment_author"]  # discussion.pages.AUTHOR_COOKIE
PAGE_CACHE_EXCLUDED_PATHS = [*ADMIN_URL_PREFIXES, "/documents/", "/healthz"]

# Visitor comments (discussion/): threading depth, auto-close and anti-spam limits.
COMMENTS_MAX_DEPTH = 2
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "180"))  # 0: never
COMMENTS_MIN_SECONDS_TO_FILL = 3
COMMENTS_MAX_FORM_AGE_SECONDS = 2 * 3600
COMMENTS_FLOOD_SECONDS = 15
COMMENTS_RATE_LIMIT = 5
COMMENTS_RATE_WINDOW_SECONDS = 10 * 60
COMMENTS_TRASH_DAYS = 30
COMMENTS_IP_RETENTION_DAYS = 90
# The moderators' e-mail waits this long in the queue, counting the comments posted meanwhile.
COMMENTS_MODERATORS_ALERT_DELAY_SECONDS = 120

# The contact form (contact/): the comment form's time stamp and honeypot rules, its own rate
# limit, and how long messages are kept (purge_contact_submissions deletes older ones).
CONTACT_FLOOD_SECONDS = 60
CONTACT_RATE_LIMIT = 3
CONTACT_RATE_WINDOW_SECONDS = 60 * 60
CONTACT_MESSAGE_MAX_LENGTH = 5000  # characters of a multi-line field
CONTACT_SUBMISSION_RETENTION_DAYS = int(os.environ.get("CONTACT_SUBMISSION_RETENTION_DAYS", "365"))
