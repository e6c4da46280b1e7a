"""A site in English and French with every page type, grown in bulk (bench/content.py) from a
small to a larger size, to show that what a page costs does not grow with the content."""

import pytest
import wagtail_factories
from wagtail.models import Locale

from bench.content import Sizes, grow_to
from events.models import SeminarDocument, SeminarPartner
from network.models import PartnerPage
from tests.factories import (
    ContactPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarIndexPageFactory,
    SeminarPageFactory,
    StandardPageFactory,
    TeamMemberFactory,
    add_topics,
)

SMALL = Sizes(partners=3, seminars=2, news=3, comments=4)
# More than a page of every paginated listing (and of the sitemap), replies included.
LARGE = Sizes(partners=60, seminars=30, news=30, comments=120)
# Comments on the measured news page (and on its French translation).
COMMENTS_ON_MEASURED_PAGE = {SMALL: 2, LARGE: 40}
# Partners and documents of the measured seminar.
SEMINAR_LINKS = {SMALL: 1, LARGE: 6}


def publish_translation(page, locale):
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


class GrowingSite:
    """Home, about page, directory, seminar index and news index in English and French, one
    partner, seminar and news item to measure (.french(page) gives a translation); grow(size)
    adds content in bulk."""

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
        self.partner = PartnerPageFactory(
            parent=self.partners,
            title="Efus",
            kind="lead",
            logo=ImageFactory(title="Logo: Efus"),
        )
        self.seminar = SeminarPageFactory(parent=self.seminars, title="Seminar in Leuven")
        self.news = NewsPageFactory(
            parent=self.news_index, title="Seminar announced", image=ImageFactory(title="Picture")
        )
        add_topics(self.news, "seminar")
        self.news.save_revision().publish()
        self.contact = ContactPageFactory(parent=home)
        for order in range(2):
            TeamMemberFactory(photo=ImageFactory(title=f"Portrait {order}"), sort_order=order)
        for page in [self.partner, self.seminar, self.news, self.contact]:
            publish_translation(page, self.french_locale)

    def grow(self, sizes):
        grow_to(
            sizes,
            measured_news=self.news,
            comments_on_measured_page=COMMENTS_ON_MEASURED_PAGE[sizes],
        )
        self.link_seminar(SEMINAR_LINKS[sizes])

    def link_seminar(self, count):
        """Give the measured seminar (in both languages) `count` partners and documents."""
        partners = list(PartnerPage.objects.child_of(self.partners).order_by("path")[:count])
        for seminar in (self.seminar, self.french(self.seminar)):
            SeminarPartner.objects.filter(page=seminar).delete()
            SeminarDocument.objects.filter(page=seminar).delete()
            for order, partner in enumerate(partners):
                SeminarPartner.objects.create(page=seminar, partner=partner, sort_order=order)
                SeminarDocument.objects.create(
                    page=seminar,
                    document=wagtail_factories.DocumentFactory(title=f"Document {order}"),
                    sort_order=order,
                )

    def french(self, page):
        return page.get_translation(self.french_locale)


@pytest.fixture
def growing_site(home):
    return GrowingSite(home)
