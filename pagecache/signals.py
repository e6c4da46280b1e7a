"""What invalidates the page cache: anything that can change what a public page shows. A page
published, unpublished, moved or deleted (Wagtail's own signals for them, so that a draft,
which no visitor sees, changes nothing), a view restriction, a site, a locale, a setting, an
image or a document changed (not a setting's row created with its defaults when first read, nor
what Wagtail records about an image when it first reads it: its public fields file_size and
file_hash). Comment moderation renews only its page (pagecache/versions.py, through
discussion.moderation.purge_page_caches).
Menus, listings and feeds show other pages, so every invalidation is site-wide. A deployment,
which runs `migrate`, drops them too: they were rendered by the templates and code it
replaces."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate, new_generation

PAGE_SIGNALS = {
    "published": page_published,
    "unpublished": page_unpublished,
    "moved": post_page_move,
}
# Fields Wagtail fills in on an image when it is first read (no visible change).
IMAGE_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})
# Saved or deleted, any of these changes what visitors see (pages: see on_page_change).
WATCHED_MODELS = (
    PageViewRestriction,
    Site,
    Locale,
    BaseGenericSetting,
    BaseSiteSetting,
    AbstractImage,
    AbstractDocument,
)


def on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        if created and instance.live:  # created live (a copy, code): published, no signal
            invalidate()
        return
    if not isinstance(instance, WATCHED_MODELS):
        return
    if created and isinstance(instance, BaseGenericSetting | BaseSiteSetting):
        return  # settings created with their defaults as they are first read
    if (
        update_fields
        and isinstance(instance, AbstractImage)
        and IMAGE_BOOKKEEPING_FIELDS.issuperset(update_fields)
    ):
        return
    invalidate()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, (*WATCHED_MODELS, Page)):
        invalidate()


def on_page_change(sender, instance=None, **kwargs):
    """Receiver of Wagtail's page_published, page_unpublished and post_page_move."""
    invalidate()


def on_migrate(**kwargs):
    new_generation()


def connect():
    post_migrate.connect(on_migrate, dispatch_uid="pagecache.on_migrate")
    post_save.connect(on_save, dispatch_uid="pagecache.on_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache.on_delete")
    for name, signal in PAGE_SIGNALS.items():
        signal.connect(on_page_change, dispatch_uid=f"pagecache.on_page_change.{name}")
