"""Routing a URL to its page in a fixed number of queries, whatever its depth.

Wagtail's `Page.route` walks down one level at a time: for /en/news/some-news/ it loads the
news index, then its specific page, then the news item and its specific page, and the view
restriction check then loads the ancestors and their restrictions. HomePage.route (the root of
each language's tree) finds the page for the whole path at once instead, by its `url_path`,
with its translations (for the language switcher and hreflang links) and whether a view
restriction applies (core.querysets.restricted_paths), in one query; a second loads the
specific page.

It gives way to Wagtail's own routing whenever that could answer differently: nothing matches
(Wagtail raises the 404), a page on the way is an alias, or a routable page on the way
(RoutablePageMixin) would answer for the rest of the path itself.
"""

from django.db.models import Q, Subquery
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from core.querysets import is_restricted


def route_root(root, request):
    """The root itself: its translations and restriction in one query, then Wagtail's route.
    The home pages come from the cache (home.middleware.language_root) and are kept in the
    process for a generation: what the query found is kept on them as long."""
    if not hasattr(root, "_live_translations"):
        family = list(
            Page.objects.filter(translation_key=root.translation_key).select_related("locale")
        )
        row = next(p for p in family if p.pk == root.pk)
        root.locale = row.locale
        remember(root, family, row)
    return Page.route(root, request, [])


def route_below(root, request, path_components):
    """The RouteResult of `path_components` below `root`, or None to let Wagtail route."""
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
    page = model._default_manager.select_related(*related).get(pk=target.pk)
    page._cached_parent_obj = chain[-2] if len(chain) > 1 else root
    remember(page, [row for row in rows if row.translation_key == target.translation_key], target)
    return page.route(request, path_components[consumed:])


def remember(page, family, row):
    """Keep on `page` what the routing query found: its live translations (read by
    home.templatetags.navigation_tags.live_translations) and, when no view restriction applies
    to it, an empty list of restrictions, sparing Wagtail's check two queries."""
    page._live_translations = {p.locale.language_code: p for p in family if p.live}
    if not row.alias_of_id and not is_restricted(row):
        page.get_view_restrictions = PageViewRestriction.objects.none


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
