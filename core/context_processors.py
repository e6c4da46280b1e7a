from django.conf import settings


def static_archive(request):
    """`static_archive`: whether the page is rendered for the static archive of the site
    (archive/), where nothing can be posted and a query string is not read."""
    return {"static_archive": settings.STATIC_ARCHIVE}
