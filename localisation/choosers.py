"""Page choosers in the language of the page being edited: an editor linking partners from an
English page sees English pages only, in the chooser's search and browsing alike."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from wagtail.models import Page


def locale_of_edited_page(request):
    """The locale of the page whose editor opened the chooser, or None. The chooser's requests
    come from the editor's page, which names the page (or the new page's parent) in its
    address: the Referer, which the site's same-origin referrer policy keeps."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc != request.get_host():
        return None
    try:
        match = resolve(referer.path)
    except Resolver404:
        return None
    if match.namespace != "wagtailadmin_pages":
        return None
    page_id = match.kwargs.get("page_id") or match.kwargs.get("parent_page_id")
    return Page.objects.filter(pk=page_id).values_list("locale", flat=True).first()


def pages_in_the_edited_language(pages, request):
    """`construct_page_chooser_queryset`: only the edited page's language."""
    locale = locale_of_edited_page(request)
    return pages if locale is None else pages.filter(locale=locale)
