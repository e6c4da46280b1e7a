"""The site's URLs with the media route of `make run` and `make serve` (liaise.views.media),
which the test settings leave out (DEBUG and SERVE_MEDIA off)."""

from django.urls import re_path

from liaise.urls import urlpatterns as site_urlpatterns
from liaise.views import media

urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]
