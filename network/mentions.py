"""What a partner page lists of the pages naming it (network.related: seminars, pilot projects,
news) has a version of its own in the page cache (pagecache.versions), renewed when a page
naming the partner is published or unpublished, and when a publication stops naming it: a news
item published refreshes the pages of the partners it names, not every partner's page."""

from django.db.models.signals import pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from pagecache.versions import renew_now_and_on_commit


def mentions_part(translation_key):
    """The name of the version of what the partner's pages (every language: their
    `translation_key`) list."""
    return f"partner-mentions:{translation_key}"


def names_partners(page):
    """Whether the page's type names partners (a `partner_links` relation: network.links)."""
    return isinstance(page, Page) and hasattr(type(page), "partner_links")


def renew_mentions(page):
    """Renew the mentions of the partners the page's stored links name (as published: a draft
    keeps its links in its revision)."""
    links = page.partner_links.model.objects.filter(page_id=page.pk)
    keys = set(links.values_list("partner__translation_key", flat=True))
    if keys:
        renew_now_and_on_commit(*(mentions_part(key) for key in keys))


def before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """A page saved whole (published, copied) may stop naming partners it named."""
    if not raw and update_fields is None and instance.pk is not None and names_partners(instance):
        renew_mentions(instance)


def on_publication(sender, instance=None, **kwargs):
    """Receiver of Wagtail's page_published and page_unpublished."""
    if names_partners(instance):
        renew_mentions(instance)


def connect():
    pre_save.connect(before_save, dispatch_uid="network.mentions.before_save")
    for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
        signal.connect(on_publication, dispatch_uid=f"network.mentions.{name}")
