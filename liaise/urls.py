from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home.sitemaps import MultilingualSitemap, sitemap_index
from home.views import robots_txt, serve
from liaise.api import api_router
from liaise.views import favicon, healthz, media
from search import views as search_views

SITEMAPS = {"pages": MultilingualSitemap}

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # An index of sitemap files of SITEMAP_PAGE_SIZE pages each (home/sitemaps.py).
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # `make run`, `make serve`: no web server in front to serve MEDIA_ROOT (docs/operations.md).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media)]

# Public pages live under a language prefix (/en/…, /fr/…); "/" redirects to the visitor's
# preferred language through LocaleMiddleware.
urlpatterns += i18n_patterns(
    # In the page's language (/fr/recherche/); the first, English address leads there.
    path(_("search/"), search_views.search, name="search"),
    path("search/", RedirectView.as_view(pattern_name="search", query_string=True, permanent=True)),
    path("", include("discussion.urls")),
    path("", include("contact.urls")),
    # Pages: Wagtail's serve view, routing from the home page the page cache keeps (home/views.py).
    re_path(serve_pattern, serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
