"""Tidy generated pictures for the demo content: no real logos or photos ship with the code."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

PALETTE = ["#003399", "#1b6e5a", "#8a2a46", "#5b3f8c", "#9a4d00", "#24577a", "#3f5d1f"]
TEXT_COLOUR = "#ffffff"
FONT_CANDIDATES = [
    "DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
]


def initials(name):
    """Initials for a logo: "Confederation of European Probation (CEP)" → "CEP"."""
    main, _, bracketed = name.partition("(")
    acronym = bracketed.rstrip(")")
    if acronym.isupper() and len(acronym) <= 5:
        return acronym
    capitalised = [word for word in main.split() if word[0].isupper()]
    return "".join(word[0] for word in capitalised[:2]) or main[:2].upper()


def colour_for(name):
    digest = hashlib.sha256(name.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]


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
    font = load_font(size[1] // 3)
    draw.text((size[0] / 2, size[1] / 2), text, fill=TEXT_COLOUR, font=font, anchor="mm")
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_pattern(seed, size, background):
    """A PNG of a few overlapping discs, as bytes: a picture with no words in it, so that it
    reads the same on English and French pages."""
    picture = PillowImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture, "RGBA")
    digest = hashlib.sha256(seed.encode()).digest()
    width, height = size
    for index in range(0, 12, 3):
        x, y, radius = digest[index], digest[index + 1], digest[index + 2]
        centre = (x * width // 255, y * height // 255)
        r = height // 6 + radius * height // 600
        box = (centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r)
        draw.ellipse(box, fill=(255, 255, 255, 60 + index * 8))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def get_or_create_image(title, draw, alt_text):
    """The image called `title`, drawn (`draw(background)` gives PNG bytes) and stored through
    Wagtail the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    filename = f"{hashlib.sha256(title.encode()).hexdigest()[:12]}.png"
    content = ImageFile(BytesIO(draw(colour_for(title))), name=filename)
    return Image.objects.create(title=title, file=content, description=alt_text)


def partner_logo(name):
    """A logo: the partner's initials (an acronym reads the same in every language)."""
    return get_or_create_image(
        f"Logo: {name}",
        lambda background: draw_card(initials(name), (320, 320), background),
        alt_text=f"{name} (demo logo)",
    )


def news_picture(title, city):
    return get_or_create_image(
        f"Picture: {title}",
        lambda background: draw_pattern(title, (1200, 675), background),
        alt_text=f"Illustration: {city}",
    )
