"""Routing a URL to its page in a fixed number of queries, whatever its depth.

Wagtail's `Page.route` walks down one level at a time: for /en/news/some-news/ it loads the
news index, then its specific page, then the news item and its specific page. HomePage.route
(the root of each language's tree, a public override) finds the page for the whole path at
once instead, by its `url_path`, with its translations (for the language switcher and hreflang
links), in one query; a second loads the specific page.

It gives way to Wagtail's own routing whenever that could answer differently: nothing matches
(Wagtail raises the 404), a page on the way is an alias, or a routable page on the way
(RoutablePageMixin) would answer for the rest of the path itself.

The page found for a page's own address, with its translations, is then kept in the cache
until its section changes (a publication of a page of its type or of one it links to) or the
next generation (a move, a deletion, a change of the menu's pages…): routing costs no query,
and the page a request gets is a copy of its own.
"""

import functools
import hashlib

from django.db.models import Q, Subquery
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from pagecache.data import cached_per_generation
from pagecache.versions import section_of


def route_below(root, request, path_components):
    """The RouteResult of `path_components` below `root`, or None to let Wagtail route."""
    found = kept_page_at(root, path_components)
    if found is None:
        return None
    page, consumed = found
    return page.route(request, path_components[consumed:])


def kept_page_at(root, path_components):
    """find_page's answer for a page's own address (the whole path consumed), from the cache
    (the address's section, then its page); for other paths (a routable page's sub-address, an
    unknown address), found anew."""
    digest = hashlib.sha256(f"{root.pk}:{'/'.join(path_components)}".encode()).hexdigest()
    find = functools.cache(lambda: find_page(root, path_components))  # once a request at most

    def section_at_address():
        found = find()
        return section_of(type(found[0])) if found and found[1] == len(path_components) else ""

    # Made-up addresses are not kept: a flood of them adds no entries.
    section = cached_per_generation(
        f"pagecache:route:{digest}", section_at_address, sections=(), keep_if=bool
    )
    if not section:
        return find()
    found = cached_per_generation(f"pagecache:routed-page:{digest}", find, sections=(section,))
    if found is None or section_of(type(found[0])) != section:
        return find()  # another type of page took the address
    return found


def find_page(root, path_components):
    """(the specific page, with its translations, the number of components it consumed) for
    `path_components` below `root`, or None to let Wagtail route."""
    components_at = {
        root.url_path + "/".join(path_components[:count]) + "/": count
        for count in range(1, len(path_components) + 1)
    }
    on_path = Q(url_path__in=list(components_at), path__startswith=root.path, depth__gt=root.depth)
    deepest = Page.objects.filter(on_path).order_by("-depth").values("translation_key")[:1]
    rows = Page.objects.filter(on_path | Q(translation_key=Subquery(deepest))).select_related(
        "locale"
    )
    chain = sorted(
        (
            row
            for row in rows
            if row.url_path in components_at
            and row.path.startswith(root.path)
            and row.depth > root.depth
        ),
        key=lambda row: row.depth,
    )
    if not chain or root.alias_of_id or any(row.alias_of_id for row in chain):
        return None
    target = chain[-1]
    consumed = components_at[target.url_path]
    if target.depth - root.depth != consumed or target.specific_class is None:
        return None
    for ancestor in chain[:-1]:
        if answers_itself(ancestor, path_components[components_at[ancestor.url_path] :]):
            return None

    model = target.specific_class
    related = ["locale", *getattr(model, "route_select_related", ())]
    page = model.objects.select_related(*related).get(pk=target.pk)
    # A new instance, this request's own: what the query found about its family goes with it.
    page.translations_by_language = live_by_language(
        row for row in rows if row.translation_key == target.translation_key
    )
    return page, consumed


def live_by_language(pages):
    """{language code: page} of the live pages among `pages` (whose locale is loaded)."""
    return {page.locale.language_code: page for page in pages if page.live}


def live_translations(page):
    """{language code: page} for the page and its live translations, kept on this page
    instance: found by the routing query, else looked up once."""
    if getattr(page, "translations_by_language", None) is None:
        translations = page.get_translations(inclusive=True).select_related("locale")
        page.translations_by_language = live_by_language(translations)
    return page.translations_by_language


def answers_itself(page, rest):
    """Whether Wagtail's routing would stop at `page`, a routable page answering for `rest`."""
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin) or not page.live:
        return False
    path = "/" + "".join(f"{component}/" for component in rest)
    try:
        model.get_resolver().resolve(path)
    except Resolver404:
        return False
    return True
