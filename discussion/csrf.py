"""The comment form works without a CSRF token, so that pages with comments can be cached
whole and served to every anonymous visitor (a token belongs to one visitor's cookie: a cached
page cannot hold one). Why that is safe, and what protects the form instead:

- The form acts on behalf of no account: a comment is not tied to a user, so a forged post
  borrows nobody's rights. What a token would stop is another site making a visitor's browser
  post a comment (from the visitor's address).
- That is stopped by where the post comes from: browsers send Origin (and Sec-Fetch-Site) with
  every form POST, and a post from another site is refused exactly as Django refuses a missing
  token (its 403 page).
- The post must carry the form's signed time stamp for that page (discussion/forms.py): forged
  stamps, posts faster than a person types or older than COMMENTS_MAX_FORM_AGE_SECONDS, and a
  filled-in honeypot are spam; authors are rate-limited by e-mail and IP address
  (discussion/rules.py). Comments wait for moderation unless the author is known.
- The session and "remember me" cookies are SameSite=Lax: a cross-site post carries neither.

So this middleware, placed before CsrfViewMiddleware, lets a POST to a Wagtail page through
without a token only when it is the comment form (a stamp this site signed) sent from this site;
and the page it reaches must take comments (discussion/wagtail_hooks.py), so no other form can
borrow the exemption. Every other POST keeps Django's CSRF protection.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.urls import get_callable
from wagtail.views import serve as wagtail_serve

from .forms import TIMESTAMP_SALT

# Sec-Fetch-Site values of a post made by this site's own pages (or typed by the visitor).
OWN_FETCH_SITES = {"same-origin", "none"}


class CommentFormCsrfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "POST" and view_func is wagtail_serve and is_comment_post(request):
            request.comment_form_post = True
            # CsrfViewMiddleware, next, takes this as "CSRF already checked for this request".
            request.csrf_processing_done = True
        return None


def is_comment_post(request):
    return has_signed_form_time(request) and comes_from_this_site(request)


def has_signed_form_time(request):
    try:
        signing.loads(request.POST.get("form_time", ""), salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return False
    return True


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
        request, reason="The comment form was posted to a page that takes no comments."
    )
