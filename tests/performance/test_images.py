"""Pictures in modern formats and responsive sizes, loaded lazily below the fold."""

import re

import pytest

from tests.factories import (
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)

pytestmark = pytest.mark.django_db

IMG = re.compile(r"<img [^>]*>")


@pytest.fixture
def news_index(home):
    index = NewsIndexPageFactory(parent=home)
    for title in ("Older", "Newer"):
        NewsPageFactory(
            parent=index,
            title=title,
            image=ImageFactory(file__width=1600, file__height=900, title=title),
        )
    return index


def sources(html):
    return re.findall(r'<source [^>]*srcset="([^"]+)"[^>]* type="([^"]+)"', html)


def test_news_picture_comes_in_webp_at_several_widths_and_loads_first(client, news_index):
    news = news_index.get_children().first()
    html = client.get(news.url).content.decode()
    figure = html.split('<figure class="figure">', 1)[1].split("</figure>", 1)[0]

    formats = {media_type for _srcset, media_type in sources(figure)}
    # AVIF saved too little to pay for its renditions (docs/performance.md, "Pictures").
    assert formats == {"image/webp"}
    for srcset, _media_type in sources(figure):
        assert [width for *_url, width in map(str.split, srcset.split(", "))] == [
            "400w",
            "800w",
            "1200w",
        ]
    img = IMG.search(figure)[0]
    assert 'sizes="' in img
    assert 'fetchpriority="high"' in img
    assert "loading=" not in img


def test_listed_pictures_of_the_first_row_load_at_once_the_first_first(client, news_index):
    for title in ("Third", "Fourth"):
        NewsPageFactory(parent=news_index, title=title, image=ImageFactory(title=title))

    html = client.get(news_index.url).content.decode()

    images = IMG.findall(html.split('class="cards"', 1)[1].split("</main>", 1)[0])
    assert len(images) == 4
    assert 'fetchpriority="high"' in images[0]
    assert ["loading=" in image for image in images] == [False, False, False, True]
    assert all("fetchpriority" not in image for image in images[1:])


def test_partner_logos_are_lazy_pictures_with_a_high_density_version(client, home):
    directory = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=directory, logo=ImageFactory(file__width=640, file__height=640))

    html = client.get(directory.url).content.decode()

    logo = IMG.search(html.split('class="cards"', 1)[1])[0]
    assert 'loading="lazy"' in logo
    assert re.search(r'srcset="[^"]+ 160w, [^"]+ 320w"', logo)
    assert "image/webp" in html
