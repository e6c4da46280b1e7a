"""The demo's pictures show where a news item or a pilot project happens: a tile of the map of
the network around its city, with no words (the same picture serves every language)."""

import pytest
from PIL import Image

from demo.images import PALETTE, place_picture

pytestmark = pytest.mark.django_db

LEUVEN = (50.880, 4.700)
RIMINI = (44.060, 12.566)


def drawn(title, place):
    image = place_picture(title, *place, alt_text="Map")
    with image.open_file() as picture:
        content = picture.read()
        colours = Image.open(picture).convert("RGB").getcolors(maxcolors=1_000_000)
    image.delete()
    return content, {colour for _count, colour in colours}


def test_a_place_picture_is_the_map_around_the_place():
    leuven, leuven_colours = drawn("Seminar announced", LEUVEN)
    rimini, _colours = drawn("Seminar announced", RIMINI)

    assert leuven != rimini  # another place, another piece of the map
    assert (0xDB, 0xE8, 0xF2) in leuven_colours  # the sea…
    assert (0xF6, 0xF4, 0xEE) in leuven_colours  # …and the land of the map


def test_the_place_is_marked_at_the_centre_of_its_picture():
    image = place_picture("Seminar announced", *LEUVEN, alt_text="Map")
    with image.open_file() as picture:
        centre = Image.open(picture).convert("RGB").getpixel((600, 337))
    image.delete()

    assert f"#{centre[0]:02x}{centre[1]:02x}{centre[2]:02x}" in PALETTE
