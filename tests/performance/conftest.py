"""A site in English and French with every page type, grown in bulk (bench/content.py) from a
small to a larger size, to show that what a page costs does not grow with the content."""

import pytest
from wagtail.models import Locale

from bench.content import Sizes, grow_to
from tests.factories import (
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarIndexPageFactory,
    SeminarPageFactory,
    StandardPageFactory,
)

SMALL = Sizes(partners=3, seminars=2, news=3, comments=4)
# More than a page of every paginated listing, replies included.
LARGE = Sizes(partners=60, seminars=30, news=30, comments=120)
COMMENTS_ON_MEASURED_PAGE = {SMALL: 2, LARGE: 40}


def publish_translation(page, locale):
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


class GrowingSite:
    """The English pages (their French translations via .french()) and grow(size)."""

    def __init__(self, home):
        self.french_locale = Locale.objects.get_or_create(language_code="fr")[0]
        self.home = home
        self.about = StandardPageFactory(
            parent=home, title="About", slug="about", show_in_menus=True
        )
        self.partners = PartnerIndexPageFactory(parent=home, show_in_menus=True)
        self.seminars = SeminarIndexPageFactory(parent=home, show_in_menus=True)
        self.news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
        for page in [home, self.about, self.partners, self.seminars, self.news_index]:
            publish_translation(page, self.french_locale)
        logo = ImageFactory(title="Logo: first partner")
        self.partner = PartnerPageFactory(
            parent=self.partners, title="Efus", kind="lead", logo=logo
        )
        self.seminar = SeminarPageFactory(parent=self.seminars, title="Seminar in Leuven")
        self.seminar.partner_links.create(partner=self.partner)
        self.seminar.save_revision().publish()
        self.news = NewsPageFactory(
            parent=self.news_index, title="Seminar announced", image=ImageFactory(title="Picture")
        )
        self.news.tags.add("seminar")
        self.news.save_revision().publish()
        for page in [self.partner, self.seminar, self.news]:
            publish_translation(page, self.french_locale)

    def grow(self, sizes):
        bench_comments = COMMENTS_ON_MEASURED_PAGE[sizes]
        import bench.content

        original = bench.content.COMMENTS_ON_MEASURED_PAGE
        bench.content.COMMENTS_ON_MEASURED_PAGE = bench_comments
        try:
            grow_to(sizes, measured_news=self.news)
        finally:
            bench.content.COMMENTS_ON_MEASURED_PAGE = original

    def french(self, page):
        return page.get_translation(self.french_locale)


@pytest.fixture
def growing_site(home):
    return GrowingSite(home)
