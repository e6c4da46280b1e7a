"""What protects the site's public forms (comments, contact messages), which sit on pages
cached whole for every visitor.

Why no CSRF token: pages with these forms are cached whole and served to every visitor, and a
token belongs to one visitor's cookie. A comment or a message acts on behalf of no account, so
a forged post borrows nobody's rights; what a token would stop is another site making a
visitor's browser post one. Browsers send Origin (and Sec-Fetch-Site) with every form POST: a
post from another site is refused exactly as Django refuses a missing token (its 403 page). The
time stamp, the honeypot (forms.BotTrapForm, rules.bot_sign) and the rate limits
(rules.RateLimit, under rules.lock_author) apply to every post, and the session and "remember
me" cookies are SameSite=Lax. Only the views of these forms are exempt; every other form keeps
Django's CSRF check.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from core.pages import visible_to

# Sec-Fetch-Site values of a post made by this site's own pages (or typed by the visitor).
OWN_FETCH_SITES = {"same-origin", "none"}


def posted_from_this_site(view):
    """For the view a public form posts to: no CSRF token asked for, but a POST that the
    browser says came from another site is refused as Django refuses a missing token."""

    @csrf_exempt
    @functools.wraps(view)
    def checked_view(request, *args, **kwargs):
        if request.method == "POST" and not comes_from_this_site(request):
            return csrf_failure(request)
        return view(request, *args, **kwargs)

    return checked_view


def public_page_of(request, page_id, page_type):
    """The live page of that id and type, if this visitor may see it, else 404."""
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, page_type) or not visible_to(page, request):
        raise Http404
    return page


def posted_by_the_form_of(page_type):
    """For the view a page's public form posts to (`page_id` in its address): a POST from this
    site only (posted_from_this_site), for a live page of `page_type` this visitor may see; a
    GET, the reload of a page that showed the form's errors, goes back to the page. The view is
    called with the page."""

    def decorate(view):
        @posted_from_this_site
        @require_http_methods(["GET", "POST"])
        @functools.wraps(view)
        def checked_view(request, page_id):
            page = public_page_of(request, page_id, page_type)
            if request.method == "GET":
                return redirect(page.url)
            return view(request, page)

        return checked_view

    return decorate


def comes_from_this_site(request):
    """The browser says the post was made by a page of this site (same scheme and host, or an
    origin in CSRF_TRUSTED_ORIGINS). Without Origin, Referer and Sec-Fetch-Site (not a current
    browser), nothing says otherwise."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site and fetch_site not in OWN_FETCH_SITES:
        return False
    origin = request.headers.get("Origin")
    if origin is None and (referer := request.headers.get("Referer")):
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin is None:
        return True
    own_origin = f"{request.scheme}://{request.get_host()}"
    return origin in {own_origin, *settings.CSRF_TRUSTED_ORIGINS}


def csrf_failure(request):
    """Django's response to a failed CSRF check (settings.CSRF_FAILURE_VIEW)."""
    return get_callable(settings.CSRF_FAILURE_VIEW)(
        request, reason="The form was posted from another site."
    )
