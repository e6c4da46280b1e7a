"""Invalidation finer than the generation: parts of the content with a version of their own,
kept with the generation (cache.generation_store), so that a change renews what shows it and
leaves the rest of the site in the cache (docs/performance.md, "Invalidation").

- A page's comments (`comments:<page id>`): shown on that page alone; a moderation renews them.
- A section (`section:<app label>`): the pages of one app (the news, the partners…). A
  publication renews the section of the page published and of the pages that link to it
  (pagecache.signals); a change that every page may show (the menu, a setting, an image)
  starts a new generation instead.
- The deployment (`deployment`): what templates make and a change of content leaves as it is
  (a picture's HTML, kept per image: pagecache.data.cached_per_versions); `migrate` renews it.

A page, or a datum kept for many pages (pagecache.data), declares the versions it was made with
(`current_versions`, while PageCacheMiddleware collects them); the middleware serves a stored
copy only while every version it was made with is still in force. A page that names no section
(`show_sections`) is taken to show every section. When the cache cannot take a new version, a
new generation does, with the lost-invalidation safeguards of pagecache/cache.py. A version the
cache lost (evicted, culled) is simply made again: copies made with the old one are then not
served, which costs a render, never a stale page."""

import functools
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import get_page_models

from .cache import invalidate, read_numbers, started, write_numbers
from .context import bound

DEPLOYMENT = "deployment"
# {key: version} the response being made was made with (None outside PageCacheMiddleware).
declared_versions = ContextVar("pagecache_declared_versions", default=None)
# [True] once the page being made named the sections it shows (see show_sections).
sections_named = ContextVar("pagecache_sections_named", default=None)


def version_key(name):
    return f"pagecache:version:{name}"


@contextmanager
def versions_for_request():
    """Collect the versions the response made within the block depends on (yielded: a dict)."""
    with bound(declared_versions, {}) as declared, bound(sections_named, []):
        yield declared


def current_versions(names):
    """{key: version} of the parts `names` in force (a version is None when the cache fails),
    declared for the response being made."""
    keys = [version_key(name) for name in names]
    found = read_numbers(keys)
    for key in keys:
        if found.get(key) is None:
            found[key] = started(key)
    declared = declared_versions.get()
    if declared is not None:
        declared.update(found)
    return found


def version(name):
    """The version of part `name` in force (None when the cache fails), declared for the
    response being made."""
    return current_versions([name])[version_key(name)]


def renew(*names):
    """Parts `names` changed: the pages and data made with their versions are out of date."""
    renewed = dict.fromkeys(map(version_key, names), time.time_ns())
    if not write_numbers(renewed):
        invalidate()


def still_current(versions):
    """Whether the versions a stored copy was made with ({key: version}) are still in force."""
    if not versions:
        return True
    return read_numbers(list(versions)) == versions


# -- Sections ---------------------------------------------------------------------------------


def section_of(page_model):
    """The section of a page type: its app's label (news, network, events…)."""
    return ContentType.objects.get_for_model(page_model).app_label


def sections_of(*page_models):
    return tuple(section_of(model) for model in page_models)


@functools.cache
def every_section():
    """The sections of every page type of the site."""
    return tuple(sorted({section_of(model) for model in get_page_models()}))


def section_part(section):
    return f"section:{section}"


def section_versions(sections):
    """{key: version} of `sections` in force, declared for the response being made."""
    return current_versions([section_part(section) for section in sections])


def sections_shown_by(page):
    """The sections `page` shows: as its type says (`shown_sections()`), else every one."""
    shown_sections = getattr(page, "shown_sections", None)
    return shown_sections() if shown_sections is not None else every_section()


def parts_shown_by(page):
    """The other parts with a version `page` shows, as its type says (`shown_parts()`)."""
    shown_parts = getattr(page, "shown_parts", None)
    return shown_parts() if shown_parts is not None else ()


def show_sections(sections):
    """The page being made shows the pages of `sections` and nothing else that a publication
    can change (other than what data kept for many pages declare themselves)."""
    section_versions(sections)
    named = sections_named.get()
    if named is not None:
        named.append(True)


def declare_every_section_unless_named():
    """A response that named no sections (a view other than a Wagtail page's: the sitemap,
    robots.txt) is taken to show every one of them: kept until any publication."""
    if not sections_named.get():
        section_versions(every_section())


def renew_sections(sections):
    """A publication changed the pages of `sections`."""
    renew_now_and_on_commit(*(section_part(section) for section in sections))


def renew_now_and_on_commit(*names):
    """Renew parts `names` now, and again once the transaction commits (a page made in
    between, from data not yet committed, must not outlive it)."""
    renew(*names)
    transaction.on_commit(lambda: renew(*names))
