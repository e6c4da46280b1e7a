"""What invalidates the page cache: anything that can change what a public page shows.

A page published or unpublished (Wagtail's own signals, so that a draft, which no visitor sees,
changes nothing) renews the sections that show it (pagecache/versions.py): its own (its
listings, the home page, feeds, sitemap) and those of the pages that link to it or to one of
its translations (Wagtail's reference index: a seminar naming a partner, a resource its
seminar). Pages that every page shows (the home pages and their children: menus, breadcrumbs),
pages with children (their breadcrumbs), pages a setting or a snippet links to, and a page
moved or deleted start a new generation instead, as do a view restriction, a site, a locale, a
setting, an image or a document changed (not a setting's row created with its defaults when
first read, nor what Wagtail records about an image when it first reads it: its public fields
file_size and file_hash). Comment moderation renews only its page (through
discussion.moderation.purge_page_caches). A deployment, which runs `migrate`, drops everything,
pictures' HTML included: it was rendered by the templates and code it replaces."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate, new_generation
from .versions import DEPLOYMENT, renew, renew_sections, section_of

PUBLICATION_SIGNALS = {"published": page_published, "unpublished": page_unpublished}
# Pages this deep or less show on every page of their language: the home pages (1 is the root
# of the tree) and their children, the menu.
DEPTH_OF_THE_MENU = 3
# Fields Wagtail fills in on an image when it is first read (no visible change).
IMAGE_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})
# Saved or deleted, any of these changes what visitors see (pages: see on_publication and on_move).
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
            on_publication(sender, instance)
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


def on_publication(sender, instance=None, **kwargs):
    """Receiver of Wagtail's page_published and page_unpublished."""
    sections = sections_showing(instance)
    if sections is None:
        invalidate()
    else:
        renew_sections(sections)


def sections_showing(page):
    """The sections whose pages show `page`: its own and those of the pages linking to it or
    to one of its translations; None when pages of no section show it too (see the module's
    docstring)."""
    if page.depth <= DEPTH_OF_THE_MENU or page.get_children().exists():
        return None
    sections = {section_of(page.specific_class)}
    linking = ReferenceIndex.get_references_to_in_bulk(page.get_translations(inclusive=True))
    for content_type_id in linking.values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not issubclass(model, Page):
            return None
        sections.add(section_of(model))
    return sections


def on_move(sender, instance=None, **kwargs):
    """Receiver of Wagtail's post_page_move: URLs, menus and breadcrumbs may all change."""
    invalidate()


def on_migrate(**kwargs):
    """A deployment: pages and parts kept across generations were made by the old templates."""
    renew(DEPLOYMENT)
    new_generation()


def connect():
    post_migrate.connect(on_migrate, dispatch_uid="pagecache.on_migrate")
    post_save.connect(on_save, dispatch_uid="pagecache.on_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache.on_delete")
    for name, signal in PUBLICATION_SIGNALS.items():
        signal.connect(on_publication, dispatch_uid=f"pagecache.on_publication.{name}")
    post_page_move.connect(on_move, dispatch_uid="pagecache.on_move")
