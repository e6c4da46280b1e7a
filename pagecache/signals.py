"""What invalidates the page cache: anything that can change what a public page shows. A page
published, unpublished, moved, deleted or saved (Wagtail's publish, unpublish and move actions
all end in a full save; draft revisions save only their own columns, which no visitor sees), a
view restriction, a site, a locale, a setting, an image or a document changed (not a setting's
row created with its defaults when first read, nor what Wagtail records about an image when it
first reads it). Comment moderation invalidates through
discussion.moderation.purge_page_caches. Menus, listings and feeds show other pages, so every
invalidation is site-wide. A deployment, which runs `migrate`, drops them too: they were
rendered by the templates and code it replaces."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .cache import invalidate, new_generation

# Columns that only the editor sees: saving nothing else leaves public pages as they were.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Columns Wagtail fills in on an image when it is first read (no visible change).
IMAGE_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})
WATCHED_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    Locale,
    BaseGenericSetting,
    BaseSiteSetting,
    AbstractImage,
    AbstractDocument,
)


def on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, WATCHED_MODELS):
        return
    if created and isinstance(instance, BaseGenericSetting | BaseSiteSetting):
        return  # settings created with their defaults as they are first read
    if update_fields and (
        (isinstance(instance, Page) and DRAFT_ONLY_FIELDS.issuperset(update_fields))
        or (
            isinstance(instance, AbstractImage)
            and IMAGE_BOOKKEEPING_FIELDS.issuperset(update_fields)
        )
    ):
        return
    invalidate()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, WATCHED_MODELS):
        invalidate()


def on_migrate(**kwargs):
    new_generation()


def connect():
    post_migrate.connect(on_migrate, dispatch_uid="pagecache.on_migrate")
    post_save.connect(on_save, dispatch_uid="pagecache.on_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache.on_delete")
