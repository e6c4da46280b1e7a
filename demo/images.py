"""Pictures for the demo content, which ships no photographs: a news item or a pilot project
shows where it happens, a tile of the map of the network around its city (drawn from
static/map/europe.svg, with no words: the same picture serves every language). Partners without
a logo show their kind and flag (network_map.partner_badge), never a made-up logo."""

import functools
import hashlib
import re
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from network.map import project

PALETTE = ["#003399", "#1b6e5a", "#8a2a46", "#5b3f8c", "#9a4d00", "#24577a", "#3f5d1f"]


def colour_for(name):
    digest = hashlib.sha256(name.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]


SEA, LAND, BORDER = "#dbe8f2", "#f6f4ee", "#98a3ae"
MAP_OUTLINE = Path(settings.BASE_DIR) / "static" / "map" / "europe.svg"
POINT = re.compile(r"([ML])\s*(-?[\d.]+)\s+(-?[\d.]+)")
# How much of the map a tile shows across (map units: the map is WIDTH units wide).
TILE_SPAN = 150


@functools.cache
def land_polygons():
    """The countries' outlines of the map, as lists of (x, y) in map units."""
    polygons = []
    for path in re.findall(r'<path d="([^"]+)"', MAP_OUTLINE.read_text()):
        for ring in path.split("Z"):
            points = [(float(x), float(y)) for _command, x, y in POINT.findall(ring)]
            if len(points) > 2:
                polygons.append(points)
    return polygons


def draw_city_map(latitude, longitude, size, colour):
    """A PNG, as bytes: the map around a place, marked in `colour`."""
    width, height = size
    x, y = project(latitude, longitude)
    scale = width / TILE_SPAN
    left, top = x - width / scale / 2, y - height / scale / 2
    picture = PillowImage.new("RGB", size, SEA)
    draw = ImageDraw.Draw(picture, "RGBA")
    for polygon in land_polygons():
        points = [((px - left) * scale, (py - top) * scale) for px, py in polygon]
        draw.polygon(points, fill=LAND, outline=BORDER, width=2)
    centre = (width / 2, height / 2)
    for radius, fill in ((height / 7, colour + "33"), (height / 22, colour)):
        box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
        draw.ellipse(box, fill=fill, outline="#ffffff", width=max(2, width // 300))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def get_or_create_image(title, draw, alt_text):
    """The image called `title`, drawn (`draw(colour)` gives PNG bytes, `colour` one of the
    palette's, the title's own) and stored through Wagtail the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    filename = f"{hashlib.sha256(title.encode()).hexdigest()[:12]}.png"
    content = ImageFile(BytesIO(draw(colour_for(title))), name=filename)
    return Image.objects.create(title=title, file=content, description=alt_text)


def place_picture(title, latitude, longitude, alt_text, size=(1200, 675)):
    """The picture of a news item or a pilot project: the map around where it happens."""
    return get_or_create_image(
        f"Picture: {title}",
        lambda colour: draw_city_map(latitude, longitude, size, colour),
        alt_text=alt_text,
    )
