"""What every page of a language shows around its content: the main menu and the links to the
news feeds. Computed once per site and language and kept in the page cache's store until the
next change of content (any publication, move, deletion or setting: pagecache.signals), so that
a page costs no query for them."""

from dataclasses import dataclass

from django.utils import translation
from wagtail.models import Site

from core.querysets import public
from news.models import NewsIndexPage
from pagecache.data import cached_per_generation

from .routing import live_translations


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    url_path: str


@dataclass(frozen=True)
class FeedLinks:
    title: str
    url: str
    rss_url: str
    atom_url: str


@dataclass(frozen=True)
class Navigation:
    menu: tuple = ()
    news: FeedLinks | None = None


def site_navigation(request):
    """The navigation of the request's site in the active language."""
    site = Site.find_for_request(request)
    if site is None:
        return Navigation()
    language = translation.get_language()
    key = f"pagecache:navigation:{site.pk}:{language}"
    # The menu shows the home page's children, whose publication starts a new generation.
    return cached_per_generation(
        key, lambda: build_navigation(site, language, request), sections=()
    )


def build_navigation(site, language, request):
    home = language_home(site, language)
    if home is None:
        return Navigation()
    sections = list(public(home.get_children().live()).order_by("path"))
    return Navigation(
        menu=tuple(
            MenuItem(page.title, page.get_url(request), page.url_path)
            for page in sections
            if page.show_in_menus
        ),
        news=news_feed_links(sections, request),
    )


def routing_home(site, language):
    """The page Wagtail routes the request from (`site.root_page.localized.specific`): the
    site's home page in `language` when it is live, else the site's root page, with its
    translations (the language switcher's). Kept in the page cache's store until the next change
    of content: it costs a request no query."""

    def build():
        home = (language_home(site, language) or site.root_page).specific
        live_translations(home)  # kept with it
        return home

    return cached_per_generation(f"pagecache:routing-home:{site.pk}:{language}", build, sections=())


def language_home(site, language):
    """The site's home page in `language`: the site's root page or its live translation."""
    root = site.root_page
    if root.locale.language_code == language:
        return root
    return root.get_translations().live().filter(locale__language_code=language).first()


def news_feed_links(sections, request):
    news_index = next((page for page in sections if page.specific_class is NewsIndexPage), None)
    if news_index is None:
        return None
    url = news_index.get_full_url(request)
    feeds = NewsIndexPage.get_resolver()
    return FeedLinks(
        title=news_index.title,
        url=news_index.get_url(request),
        rss_url=url + feeds.reverse("rss_feed"),
        atom_url=url + feeds.reverse("atom_feed"),
    )
