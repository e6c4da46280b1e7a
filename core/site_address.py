"""The site's one public address, settings.SITE_URL (docs/operations.md).

Wagtail builds every absolute page address (canonical, hreflang, feeds, calendars, sitemap,
API, e-mail links) from the default Site's hostname and port, so that Site follows SITE_URL
after each `migrate`; addresses that are not pages' (images, the sitemap index, robots.txt)
go through absolute_url(). Requests may arrive under another name (a load balancer's probe,
`localhost`): the links they get still name the public address."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def absolute_url(path):
    """`path` (or a URL that is already absolute, such as media in S3) on the public address."""
    return urljoin(f"{settings.SITE_URL}/", path)


def hostname_and_port(site_url):
    parts = urlsplit(site_url)
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def follow_site_url(**kwargs):
    """post_migrate: give the default Site the hostname and port of SITE_URL (saved, so that
    cached pages naming the old address are dropped: pagecache.signals)."""
    hostname, port = hostname_and_port(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).first()
    if site is not None:
        site.hostname, site.port = hostname, port
        site.save()


@checks.register(checks.Tags.urls)
def check_site_url(app_configs, **kwargs):
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        return [
            checks.Error(
                f"SITE_URL must be the site's address, scheme and host only: {settings.SITE_URL!r}",
                hint="For example SITE_URL=https://liaise.example.org",
                id="core.E001",
            )
        ]
    if not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        return [
            checks.Error(
                f"The host of SITE_URL ({parts.hostname}) is not in ALLOWED_HOSTS.",
                id="core.E002",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_public_site_url(app_configs, **kwargs):
    """A deployed site whose links name this machine is unreachable from any other."""
    parts = urlsplit(settings.SITE_URL)
    warnings = []
    if parts.hostname in LOCAL_HOSTS:
        warnings.append(
            checks.Warning(
                f"SITE_URL is {settings.SITE_URL}: canonical links, feeds, sitemaps and e-mails "
                "will name this machine instead of the public site.",
                hint="Set the SITE_URL environment variable to the site's public address.",
                id="core.W001",
            )
        )
    elif parts.scheme != "https":
        warnings.append(
            checks.Warning(
                f"SITE_URL is {settings.SITE_URL}: links will not use HTTPS.",
                hint="Set SITE_URL to the site's https:// address.",
                id="core.W002",
            )
        )
    return warnings
