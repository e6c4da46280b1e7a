"""Draws the link-preview cards (Open Graph, 1200 x 630 PNG) of the pages that have no picture
of their own, one per language, from the project's mark and the EU emblem: run it again after
changing either (`.venv/bin/python scripts/build_social_cards.py`). Needs Chromium (Playwright
with Debian's /usr/bin/chromium), as the browser tests do, and Arial or its metric twin Liberation
Sans (Debian fonts-liberation2) for the statement's allowed typeface."""

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

IMAGES = Path(__file__).resolve().parent.parent / "static" / "img"
CARDS = {
    "en": ("Local Institutions Against Violent Extremism II", "Co-funded by the European Union"),
    "fr": (
        "Institutions locales contre l’extrémisme violent II",
        "Cofinancé par l’Union européenne",
    ),
}
PAGE = """<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; background: #039; color: #fff;
  font-family: Arial, "Liberation Sans", sans-serif; display: flex; flex-direction: column;
  justify-content: space-between; box-sizing: border-box; padding: 56px 90px 40px;
  border-bottom: 16px solid #fc0; }}
.mark {{ display: flex; align-items: center; gap: 36px; font-weight: 700; font-size: 104px; }}
.mark img {{ width: 140px; height: 140px; }}
.number {{ background: #fc0; color: #00205f; border-radius: 14px; padding: 0 26px; }}
.name {{ font-size: 44px; margin: 20px 0 0; }}
/* The emblem as large as the project's mark, as the EU's visibility rules ask. */
.eu {{ display: flex; align-items: center; gap: 28px; margin: 0;
  font-size: 40px; font-weight: 700; }}
.eu img {{ height: 140px; border: 2px solid #fff; }}
</style></head><body>
<div><div class="mark"><img src="{mark}" alt="">LIAISE <span class="number">2</span></div>
<p class="name">{name}</p></div>
<p class="eu"><img src="{emblem}" alt="">{statement}</p>
</body></html>"""


def data_uri(svg):
    """The SVG file inline: a page set from a string may not load local files."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.read_bytes()).decode()


def build_cards():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for language, (name, statement) in CARDS.items():
            page.set_content(
                PAGE.format(
                    language=language,
                    name=name,
                    statement=statement,
                    mark=data_uri(IMAGES / "liaise2-mark.svg"),
                    emblem=data_uri(IMAGES / "eu-emblem.svg"),
                )
            )
            page.wait_for_load_state("networkidle")
            page.screenshot(path=IMAGES / f"social-card-{language}.png")
        browser.close()


if __name__ == "__main__":
    build_cards()
