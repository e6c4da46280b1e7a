import math
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import CommentStatus, VisitorComment

TIMESTAMP_SALT = "discussion.comment-form"
# What precedes the value of the form_time input, as Django renders it, in a page's HTML.
FORM_TIME_VALUE = b'name="form_time" value="'


def sign_form_time(page):
    return sign_form_time_for(page.pk)


def sign_form_time_for(page_pk):
    """In whole seconds: a page served many times within a second is then the same page,
    stamped and compressed once (pagecache.middleware); the time-to-fill rules count in
    seconds."""
    return signing.dumps({"page": page_pk, "time": math.floor(time.time())}, salt=TIMESTAMP_SALT)


def refresh_form_times(content):
    """The HTML `content` (bytes) with each comment form's time stamp signed anew, for the
    page served now: a page from the cache carries the time it was first rendered, which would
    make the time-to-fill rules (discussion/rules.py) count from then. (Plain searches, not a
    regular expression: this runs once a second for each cached page visited, over pages of a
    hundred kilobytes.)"""
    parts, position = [], 0
    start = content.find(FORM_TIME_VALUE)
    while start >= 0:
        value_start = start + len(FORM_TIME_VALUE)
        value_end = content.find(b'"', value_start)
        if value_end < 0:
            break
        parts += [content[position:value_start], fresh_stamp(content[value_start:value_end])]
        position = value_end
        start = content.find(FORM_TIME_VALUE, value_end)
    return b"".join([*parts, content[position:]]) if parts else content


def fresh_stamp(stamp):
    """A stamp of now for the page of `stamp` (unchanged if it is not one of ours)."""
    try:
        page_pk = signing.loads(stamp.decode(), salt=TIMESTAMP_SALT)["page"]
    except (signing.BadSignature, KeyError, UnicodeDecodeError):
        return stamp
    return sign_form_time_for(page_pk).encode()


def seconds_since_signed(value, page):
    """How long ago the form was served, or None if the stamp is forged or for another page."""
    try:
        stamp = signing.loads(value, salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    if stamp.get("page") != page.pk:
        return None
    return time.time() - stamp["time"]


class BotTrapForm(forms.Form):
    """The hidden fields of the site's public forms (comments, contact) that tell programs from
    people: when the form was served, signed for its page, and a honeypot."""

    form_time = forms.CharField(widget=forms.HiddenInput)
    # Honeypot: hidden from people (CSS, aria-hidden, no tab stop); bots fill it in.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.fields["form_time"].initial = sign_form_time(page)

    @property
    def seconds_to_fill(self):
        return seconds_since_signed(self.cleaned_data.get("form_time", ""), self.page)


class CommentForm(BotTrapForm):
    name = forms.CharField(max_length=100, label=_("Name"))
    email = forms.EmailField(
        max_length=254,
        label=_("E-mail"),
        help_text=_("Your e-mail address will not be published."),
    )
    website = forms.URLField(
        required=False, max_length=200, assume_scheme="https", label=_("Website")
    )
    text = forms.CharField(
        min_length=2,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        label=_("Comment"),
    )
    remember_me = forms.BooleanField(
        required=False,
        label=_("Save my name, e-mail and website in this browser for the next time I comment."),
    )
    notify_of_replies = forms.BooleanField(
        required=False, label=_("E-mail me when someone replies to my comment.")
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    # The trap's fields (first, as a base class's) after these: the honeypot stays last.
    field_order = ["name", "email", "website", "text", "remember_me", "notify_of_replies", "parent"]

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            VisitorComment.objects.approved()
            .filter(page=self.page, pk=parent_id)
            .select_related("parent")
            .first()
        )
        if parent is None or not parent.accepts_replies:
            # A hidden field: report it where the visitor sees it.
            self.add_error(None, _("You can no longer reply to this comment."))
        return parent

    def is_duplicate(self, comment):
        """True when its author already posted this text on this page (discussion.visitor_views
        checks it under the author's lock, not here, so that simultaneous posts cannot both
        pass)."""
        return (
            VisitorComment.objects.filter(page=self.page, text__iexact=comment.text)
            .by_author(comment.author_email)
            .exclude(status=CommentStatus.TRASH)
            .exists()
        )

    def build_comment(self, ip_address, user_agent):
        data = self.cleaned_data
        return VisitorComment(
            page=self.page,
            parent=data["parent"],
            author_name=data["name"],
            author_email=data["email"],
            author_url=data["website"],
            text=data["text"].strip(),
            notify_of_replies=data["notify_of_replies"],
            ip_address=ip_address,
            user_agent=user_agent[:255],
        )
