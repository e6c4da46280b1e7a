"""One page of each public type of the demo content, in a given language: what the
accessibility checks of the browser tests and `make audit` (Lighthouse) visit."""

from wagtail.models import Locale

from contact.models import ContactPage
from events.models import SeminarPage, TrainingSessionPage
from home.models import HomePage, StandardPage
from home.views import search_path
from network.models import PartnerIndexPage, PartnerPage
from news.models import NewsIndexPage, NewsPage
from pilots.models import PilotProjectIndexPage, PilotProjectPage
from resources.models import ResourceIndexPage, ResourcePage, ResourceType


def live(model, **filters):
    return model.objects.live().filter(locale__language_code="en", **filters)


def english_pages():
    """(name, page, query string) of each page type, in English, the source language."""
    seminar = next(seminar for seminar in live(SeminarPage) if seminar.comments_are_open)
    directory = live(PartnerIndexPage).get()
    return [
        ("home", live(HomePage).get(), ""),
        ("about", live(StandardPage, slug="about").get(), ""),
        ("directory", directory, ""),
        ("directory-filtered", directory, "?country=FR"),
        ("partner", live(PartnerPage).first(), ""),
        ("seminar-index", seminar.get_parent(), ""),
        ("seminar", seminar, ""),  # its comments are open: the page shows the comment form
        ("pilot-index", live(PilotProjectIndexPage).get(), ""),
        ("pilot-index-filtered", live(PilotProjectIndexPage).get(), "?status=running"),
        ("pilot", live(PilotProjectPage).first(), ""),
        ("training-session", live(TrainingSessionPage).first(), ""),
        ("news-index", live(NewsIndexPage).get(), ""),
        ("news-item", live(NewsPage).order_by("-date").first(), ""),
        ("resource-library", live(ResourceIndexPage).get(), "?type=guide"),
        # Proceedings: a seminar, and in French only the English file.
        ("resource", live(ResourcePage, resource_type=ResourceType.PROCEEDINGS).first(), ""),
        ("contact", live(ContactPage).get(), ""),  # the team and the contact form
        ("legal-notice", live(StandardPage, slug="legal-notice").get(), ""),
    ]


def public_pages(language):
    """(name, path) of each page type that answers 200, in one language."""
    locale = Locale.objects.get(language_code=language)
    pages = [
        (name, page.get_translation(locale).url + query) for name, page, query in english_pages()
    ]
    return [*pages, ("search", f"{search_path(language)}?q=Bordeaux")]


def error_pages(language):
    """(name, path) of the error pages a visitor can meet: 404, and 400 (a NUL character)."""
    return [
        ("not-found", f"/{language}/no-such-page/"),
        ("bad-request", f"/{language}/search/?q=%00"),
    ]
