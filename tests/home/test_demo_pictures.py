import pytest

from demo.images import news_picture

pytestmark = pytest.mark.django_db


def drawn(title, city):
    image = news_picture(title, city)
    with image.open_file() as picture:
        content = picture.read()
    image.delete()
    return content


def test_news_pictures_have_no_city_name_drawn_in_them():
    """French pages show the same pictures: no English (or any) words in them."""
    assert drawn("Seminar announced", "The Hague") == drawn("Seminar announced", "Leuven")
