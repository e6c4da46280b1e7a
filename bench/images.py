"""Stand-ins for the logos editors upload: the benchmark's partners have logos, as real ones
would, so that their renditions are part of what a page costs. Never shown on the demo site
(partners without a logo show their kind and flag there)."""

from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from demo.images import get_or_create_image

FONT_CANDIDATES = ["DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]


def load_font(size):
    for candidate in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def draw_card(text, size, background):
    """A PNG of `text` centred on a plain background, as bytes."""
    picture = PillowImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    draw.text(
        (size[0] / 2, size[1] / 2), text, fill="#ffffff", font=load_font(size[1] // 3), anchor="mm"
    )
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def uploaded_logo(name):
    """A square logo with the number of the partner, as an upload would give."""
    return get_or_create_image(
        f"Logo: {name}",
        lambda background: draw_card(name.rsplit(" ", 1)[-1], (320, 320), background),
        alt_text=f"{name} (benchmark logo)",
    )
