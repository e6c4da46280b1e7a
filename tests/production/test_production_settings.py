"""liaise.settings.production, loaded in a fresh interpreter as gunicorn loads it: from the
environment only."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "liaise.settings.production",
    "SECRET_KEY": "a-long-random-secret-key-for-the-production-settings-tests",
    "ALLOWED_HOSTS": "liaise.example.org",
}
# Variables of the production settings that the developer's shell must not leak into the tests.
SWITCHES = ("AWS_STORAGE_BUCKET_NAME", "REDIS_URL", "SEARCH_URL", "DATABASE_URL", "DEBUG")
PRINT_SETTINGS = (
    "import json, sys, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))"
)


def run_in_production(*argv, **environment):
    """Run python with argv under the production settings; environment adds or (with None)
    removes variables."""
    inherited = {name: value for name, value in os.environ.items() if name not in SWITCHES}
    env = inherited | PRODUCTION_ENVIRONMENT | environment
    return subprocess.run(
        [sys.executable, *argv],
        cwd=settings.BASE_DIR,
        env={name: value for name, value in env.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_settings(*names, **environment):
    result = run_in_production("-c", PRINT_SETTINGS, *names, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_deployment_checks_pass():
    result = run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_to_start_without_a_secret_key():
    result = run_in_production("manage.py", "check", SECRET_KEY=None)

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_refuses_to_start_without_its_host_names_or_with_any_host():
    for hosts in (None, "liaise.example.org,*"):
        result = run_in_production("manage.py", "check", ALLOWED_HOSTS=hosts)

        assert result.returncode != 0, hosts
        assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_serves_hashed_compressed_static_files_and_media_from_disk():
    values = production_settings("STORAGES", "MIDDLEWARE", "SECURE_SSL_REDIRECT")

    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["STORAGES"]["default"]["BACKEND"] == "core.storage.MediaStorage"
    for alias in ("public_media", "private_documents"):
        assert values["STORAGES"][alias]["BACKEND"] == (
            "django.core.files.storage.FileSystemStorage"
        )
    assert values["MIDDLEWARE"][:3] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "liaise.middleware.ForwardedClientAddressMiddleware",
    ]
    assert values["SECURE_SSL_REDIRECT"] is True


def test_malformed_addresses_are_refused_before_the_page_cache_and_every_view():
    middleware = production_settings("MIDDLEWARE")["MIDDLEWARE"]

    assert middleware.index("liaise.middleware.MalformedAddressMiddleware") < middleware.index(
        "pagecache.middleware.PageCacheMiddleware"
    )


def test_visitors_are_sent_to_https_but_load_balancers_probe_healthz_over_http(
    postgres_cluster,
):
    script = (
        "import django; django.setup(); from django.test import Client; client = Client(); "
        "print(client.get('/en/')['Location'], client.get('/healthz').content.decode())"
    )
    database_url = f"postgres://postgres@{postgres_cluster.host}:{postgres_cluster.port}/postgres"

    result = run_in_production("-c", script, ALLOWED_HOSTS="testserver", DATABASE_URL=database_url)

    assert result.stdout.split()[-2:] == ["https://testserver/en/", "ok"], result.stderr


def test_development_and_tests_keep_plain_static_storage():
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


def test_optional_services_are_switched_on_by_their_variables():
    values = production_settings(
        "STORAGES",
        "CACHES",
        "WAGTAILFRONTENDCACHE",
        "INSTALLED_APPS",
        "WAGTAILSEARCH_BACKENDS",
        "CONTENT_SECURITY_POLICY",
        AWS_STORAGE_BUCKET_NAME="liaise-media",
        AWS_S3_CUSTOM_DOMAIN="media.liaise.example.org",
        REDIS_URL="redis://cache.internal:6379/0",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN="token",
        SEARCH_URL="https://search.internal:9200",
    )

    public, private = values["STORAGES"]["public_media"], values["STORAGES"]["private_documents"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == private["OPTIONS"]["bucket_name"] == "liaise-media"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["location"] == "private-documents"
    assert (
        "https://media.liaise.example.org"
        in (values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"])
    )
    for alias in ("default", "pages", "page_generation"):
        cache = values["CACHES"][alias]
        assert cache["BACKEND"] == "pagecache.backends.FailSoftRedisCache"
        assert cache["LOCATION"] == "redis://cache.internal:6379/0"
        assert cache["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    assert values["CACHES"]["pages"]["TIMEOUT"] == 3600
    assert values["CACHES"]["page_generation"]["TIMEOUT"] is None
    assert values["WAGTAILFRONTENDCACHE"]["cloudflare"]["ZONEID"] == "zone"
    assert "wagtail.contrib.frontend_cache" in values["INSTALLED_APPS"]
    backends = values["WAGTAILSEARCH_BACKENDS"]
    assert {name: backend["LANGUAGE"] for name, backend in backends.items()} == {
        "default": "en",
        "fr": "fr",
    }
    assert all(backend["URLS"] == ["https://search.internal:9200"] for backend in backends.values())


def test_without_those_variables_nothing_external_is_needed():
    values = production_settings("CACHES", "INSTALLED_APPS", "WAGTAILSEARCH_BACKENDS")

    assert values["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert "wagtail.contrib.frontend_cache" not in values["INSTALLED_APPS"]
    assert values["WAGTAILSEARCH_BACKENDS"] == settings.WAGTAILSEARCH_BACKENDS


def test_logs_json_lines_to_stdout():
    script = (
        "import django, logging; django.setup(); logging.getLogger('liaise').warning('hi %s', 1)"
    )

    result = run_in_production("-c", script)

    record = json.loads(result.stdout.splitlines()[-1])
    assert record["level"] == "WARNING"
    assert record["logger"] == "liaise"
    assert record["message"] == "hi 1"
    assert "timestamp" in record
