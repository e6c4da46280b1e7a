"""The user guide: one Markdown file per task and language (guide/content/<language>/<slug>.md),
opening with its title, role and order as Markdown metadata. The screenshots a page shows are
written by the browser tests (tests/browser/test_guide_journeys.py), one set per language."""

from dataclasses import dataclass
from pathlib import Path

import markdown
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS

CONTENT_DIR = Path(__file__).parent / "content"
SCREENSHOTS_DIR = Path(__file__).parent / "static" / "guide" / "screenshots"
# The order of the guide for someone with none of these roles.
ROLES = [EDITORS, TRANSLATORS, MODERATORS, ADMINISTRATORS]
ROLE_HEADINGS = {
    EDITORS: _("For editors"),
    TRANSLATORS: _("For translators"),
    MODERATORS: _("For moderators"),
    ADMINISTRATORS: _("For administrators"),
}


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: str
    role: str
    order: int
    html: str
    screenshots: tuple[str, ...]


class ScreenshotImages(Treeprocessor):
    """Serves `![…](name.png)` from the screenshots of the page's language, and notes the names
    so that a test can check each was produced."""

    def __init__(self, md, language):
        super().__init__(md)
        self.language = language

    def run(self, root):
        self.md.screenshots = []
        for image in root.iter("img"):
            name = image.get("src", "")
            self.md.screenshots.append(name)
            image.set("src", static(f"guide/screenshots/{self.language}/{name}"))
            image.set("loading", "lazy")


class ScreenshotExtension(Extension):
    def __init__(self, language):
        super().__init__()
        self.language = language

    def extendMarkdown(self, md):
        md.treeprocessors.register(ScreenshotImages(md, self.language), "guide_screenshots", 0)


def guide_language(language_code):
    """The guide's language for an admin language: its own if the guide is written in it,
    else the source language."""
    language = (language_code or "").split("-")[0].lower()
    return language if (CONTENT_DIR / language).is_dir() else settings.LANGUAGE_CODE


def languages():
    return sorted(path.name for path in CONTENT_DIR.iterdir() if path.is_dir())


def read_page(path, language):
    converter = markdown.Markdown(extensions=["meta", "tables", ScreenshotExtension(language)])
    html = converter.convert(path.read_text(encoding="utf-8"))
    meta = {key: " ".join(values) for key, values in converter.Meta.items()}
    return GuidePage(
        slug=path.stem,
        title=meta["title"],
        role=meta["role"],
        order=int(meta.get("order", 0)),
        html=html,
        screenshots=tuple(converter.screenshots),
    )


def guide_pages(language):
    """Every page of the guide in that language, in reading order within each role."""
    pages = [read_page(path, language) for path in (CONTENT_DIR / language).glob("*.md")]
    return sorted(pages, key=lambda page: (page.order, page.slug))


def roles_of(user):
    roles = set(user.groups.values_list("name", flat=True)) & set(ROLES)
    if user.is_superuser:
        roles.add(ADMINISTRATORS)
    return roles


def roles_in_order(user):
    """The user's own roles first, so that each person sees their tasks at the top."""
    own = roles_of(user)
    return [role for role in ROLES if role in own] + [role for role in ROLES if role not in own]
