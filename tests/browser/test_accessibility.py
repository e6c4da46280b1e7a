"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any public page type, in English and
French, on a desktop (1366 x 768) and a phone-sized screen (390 x 844); on each, the EU emblem and
the funding statement are seen on arrival, without scrolling (the EU's visibility rules); each
page is also saved as a screenshot, which the gallery shows (tests/browser/gallery.py). On the
desktop, the header keeps to its two rows in both languages: French words, longer, wrap nothing
onto a third.

One context per width visits every page once (the whole test stays around a minute)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from demo.page_types import error_pages, public_pages
from tests.browser.gallery import write_gallery

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("en", "fr")
WIDTHS = {1366: 768, 390: 844}  # width: height (a desktop, a phone)
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # A best practice Lighthouse scores too: headings that skip no level.
    "rules": {"heading-order": {"enabled": True}},
    "resultTypes": ["violations"],
}


def report(violations, where):
    """One readable line per violation and element: what fails, where, and how to fix it."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(
                f"{where}: {violation['id']} ({violation['impact']}) at "
                f"{' >> '.join(map(str, node['target']))}: {violation['help']} "
                f"<{violation['helpUrl']}>"
            )
    return lines


def audit(axe, page, where):
    return report(axe.run(page, options=AXE_OPTIONS).response["violations"], where)


def submit_empty_comment(page):
    """The comment form after an invalid post: its error summary and marked fields."""
    form = page.locator("#comment-form")
    form.locator("[type=submit]").click()
    expect(page.locator(".field--error").first).to_be_visible()


def submit_empty_contact_form(page):
    """The contact form after an invalid post: its error summary and marked fields."""
    page.locator("#contact-form [type=submit]").click()
    expect(page.locator("#contact-form .field--error").first).to_be_visible()


def eu_identity_problems(page, where):
    """What keeps the EU emblem and statement from being seen on arrival, as the rules ask:
    inside the first viewport, the emblem at least as tall as the project's mark, the statement
    in an allowed typeface, upright, not underlined."""
    found = page.evaluate(
        """() => {
            const box = (selector) => document.querySelector(selector).getBoundingClientRect();
            const statement = getComputedStyle(document.querySelector(".eu-funding__statement"));
            return {
                emblem: box(".eu-funding__emblem").toJSON(),
                statement: box(".eu-funding__statement").toJSON(),
                mark: box(".site-name__mark").toJSON(),
                font: statement.fontFamily, style: statement.fontStyle,
                decoration: statement.textDecorationLine, viewport: innerHeight,
            };
        }"""
    )
    problems = []
    for part in ("emblem", "statement"):
        if found[part]["bottom"] > found["viewport"] or found[part]["height"] == 0:
            problems.append(f"{where}: the EU {part} is not seen on arrival")
    if found["emblem"]["height"] < found["mark"]["height"]:
        problems.append(f"{where}: the EU emblem is smaller than the project's mark")
    if not found["font"].startswith("Arial") or found["style"] != "normal":
        problems.append(f"{where}: the funding statement is in {found['font']} {found['style']}")
    if found["decoration"] != "none":
        problems.append(f"{where}: the funding statement is {found['decoration']}")
    return problems


def header_rows(page):
    """The header's height and, per row, whether its items share one line (some part of
    their heights in common): the top row (the mark, the EU statement, the search form, the
    languages) and the main menu."""
    return page.evaluate(
        """() => {
            const oneLine = (selector) => {
                const boxes = [...document.querySelectorAll(selector)]
                    .map((item) => item.getBoundingClientRect());
                return Math.max(...boxes.map((box) => box.top))
                    < Math.min(...boxes.map((box) => box.bottom));
            };
            return {
                height: document.querySelector(".site-header").getBoundingClientRect().height,
                top: oneLine(".site-header__top > *"),
                menu: oneLine(".main-nav li"),
            };
        }"""
    )


def header_problems(headers):
    """What shows a header wrapping at the desktop width: a row on more than one line, or a
    page whose header is taller in one language than in the other."""
    problems = [
        f"{where}: the header's {row} row runs onto more than one line"
        for where, found in headers.items()
        for row in ("top", "menu")
        if not found[row]
    ]
    heights = {round(found["height"]) for found in headers.values()}
    if len(heights) > 1:
        problems.append(f"the header is not the same height on every page: {sorted(heights)} px")
    return problems


def test_no_wcag_violation_on_any_public_page(new_page, screenshot):
    call_command("load_demo_content", verbosity=0)
    pages = {language: public_pages(language) + error_pages(language) for language in LANGUAGES}
    axe = Axe()
    violations, hidden_funding, desktop_headers = [], [], {}
    shots = {}
    for width, height in WIDTHS.items():
        page = new_page()
        page.set_viewport_size({"width": width, "height": height})
        for language, named_paths in pages.items():
            for name, path in named_paths:
                page.goto(path)
                where = f"{path} at {width} px"
                violations += audit(axe, page, where)
                hidden_funding += eu_identity_problems(page, where)
                if width == 1366 and name not in ("not-found", "bad-request"):
                    desktop_headers[where] = header_rows(page)
                shot = screenshot(page, f"{language}-{name}-{width}")
                shots.setdefault(name, []).append((f"{language} {width} px", shot))
                if name == "seminar":
                    submit_empty_comment(page)
                    violations += audit(axe, page, f"{where}, comment form with errors")
                    screenshot(page, f"{language}-comment-errors-{width}")
                if name == "contact":
                    submit_empty_contact_form(page)
                    violations += audit(axe, page, f"{where}, contact form with errors")
                    screenshot(page, f"{language}-contact-errors-{width}")
    gallery = write_gallery(shots).read_text()
    # Every page type, in both languages at both widths.
    assert {len(row) for row in shots.values()} == {len(LANGUAGES) * len(WIDTHS)}
    assert all(
        f'src="screenshots/{shot.name}"' in gallery for row in shots.values() for _, shot in row
    )
    assert not violations, "axe-core found WCAG A/AA violations:\n" + "\n".join(violations)
    assert not hidden_funding, "\n".join(hidden_funding)
    assert not header_problems(desktop_headers), "\n".join(header_problems(desktop_headers))
