"""The gallery: one static HTML page (test-artifacts/gallery.html) showing the screenshots of
every public page type, in each language at each width, side by side, so that a reviewer sees
the whole site at a glance (README, "Seeing the site")."""

from html import escape

from tests.browser.conftest import SCREENSHOTS

GALLERY = SCREENSHOTS.parent / "gallery.html"
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LIAISE 2 — every public page type, as the browser tests saw it</title>
<style>
body {{ font-family: Arial, sans-serif; margin: 1rem 2rem; }}
section {{ border-top: 1px solid #ccc; padding: 1rem 0; }}
.shots {{ display: flex; gap: 1rem; align-items: flex-start; overflow-x: auto; }}
figure {{ margin: 0; }}
figure img {{ display: block; border: 1px solid #999; }}
.desktop img {{ width: 340px; }}
.phone img {{ width: 130px; }}
figcaption {{ font-size: 0.85rem; }}
</style>
</head>
<body>
<h1>LIAISE 2 — every public page type</h1>
<p>Saved by <code>tests/browser/test_accessibility.py</code>, full pages at 1366 × 768 and
390 × 844, in each language. Select a picture to see it at its size.</p>
{sections}
</body>
</html>
"""


def write_gallery(shots):
    """`shots`: {page type: [(caption, path of its PNG), …]}, in the order to show them."""
    sections = "\n".join(
        f'<section><h2>{escape(name)}</h2><div class="shots">{"".join(map(figure, row))}</div>'
        "</section>"
        for name, row in shots.items()
    )
    GALLERY.write_text(PAGE.format(sections=sections), encoding="utf-8")
    return GALLERY


def figure(shot):
    caption, path = shot
    source = escape(path.relative_to(GALLERY.parent).as_posix())
    kind = "phone" if caption.endswith(" 390 px") else "desktop"
    return (
        f'<figure class="{kind}"><a href="{source}"><img src="{source}" alt="{escape(caption)}" '
        f'loading="lazy"></a><figcaption>{escape(caption)}</figcaption></figure>'
    )
