"""A site in English and French with every page type, grown in bulk (bench/content.py) from a
small to a larger size, to show that what a page costs does not grow with the content."""

import pytest
import wagtail_factories
from wagtail.models import Locale

from bench.content import BASE_SIZES, Sizes, grow_to
from events.models import SeminarDocument, SeminarPartner, TrainingSessionPartner
from network.models import PartnerPage
from news.models import NewsPagePartner
from pilots.models import (
    PilotProjectDocument,
    PilotProjectPage,
    PilotProjectPartner,
    PilotProjectPicture,
)
from tests.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PilotProjectIndexPageFactory,
    PilotProjectPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    SeminarPageFactory,
    StandardPageFactory,
    TeamMemberFactory,
    TrainingSessionPageFactory,
    add_topics,
)

# A few pages of each kind, for the tests that grow a site to change it.
SMALL = Sizes(partners=3, seminars=2, news=3, comments=4)
# The demo's content and a hundred times as much (bench/ measures the same sizes): more than a
# page of every paginated listing (and of the sitemap), replies included.
X1 = BASE_SIZES
X100 = BASE_SIZES * 100
# Comments on the measured news page (and on its French translation).
COMMENTS_ON_MEASURED_PAGE = {SMALL: 2, X1: 2, X100: 200}
# Partners and documents of the measured seminar and pilot project (pictures too), partners of
# the measured news item.
SEMINAR_LINKS = {SMALL: 1, X1: 1, X100: 6}
# Resources in the library: more than a page of it at x100.
RESOURCES = {SMALL: 2, X1: 2, X100: 14}
# Pilot projects (bench/ does not make them), more than a page of them at x100, each run by the
# measured partner.
PILOTS = {SMALL: 2, X1: 2, X100: 14}


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
        self.seminars = EventIndexPageFactory(parent=home, show_in_menus=True)
        self.news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
        self.library = ResourceIndexPageFactory(parent=home, show_in_menus=True)
        self.pilots = PilotProjectIndexPageFactory(parent=home)
        indexes = [self.about, self.partners, self.seminars, self.news_index]
        indexes += [self.pilots, self.library]
        for page in [home, *indexes]:
            publish_translation(page, self.french_locale)
        self.partner = PartnerPageFactory(
            parent=self.partners,
            title="Efus",
            kind="lead",
            logo=ImageFactory(title="Logo: Efus"),
        )
        self.seminar = SeminarPageFactory(parent=self.seminars, title="Seminar in Leuven")
        # Listed with the seminars, and on the partner's page.
        self.training_session = TrainingSessionPageFactory(
            parent=self.seminars, title="Training in Augsburg"
        )
        TrainingSessionPartner.objects.create(page=self.training_session, partner=self.partner)
        self.training_session.save_revision().publish()
        self.news = NewsPageFactory(
            parent=self.news_index, title="Seminar announced", image=ImageFactory(title="Picture")
        )
        add_topics(self.news, "seminar")
        self.news.save_revision().publish()
        self.pilot = PilotProjectPageFactory(parent=self.pilots, title="Pilot in Bordeaux")
        self.contact = ContactPageFactory(parent=home)
        for order in range(2):
            TeamMemberFactory(photo=ImageFactory(title=f"Portrait {order}"), sort_order=order)
        pages = [self.partner, self.seminar, self.training_session, self.news, self.pilot]
        for page in [*pages, self.contact]:
            publish_translation(page, self.french_locale)
        # With a topic and a seminar; its French page keeps the English file.
        self.resource = ResourcePageFactory(
            parent=self.library, title="Guide", related_event=self.seminar
        )
        add_topics(self.resource, "seminar")
        self.resource.save_revision().publish()
        publish_translation(self.resource, self.french_locale)

    def grow(self, sizes):
        grow_to(
            sizes,
            measured_news=self.news,
            comments_on_measured_page=COMMENTS_ON_MEASURED_PAGE[sizes],
        )
        self.link_seminar(SEMINAR_LINKS[sizes])
        self.fill_library(RESOURCES[sizes])
        self.link_pilot_and_news(SEMINAR_LINKS[sizes])
        self.add_pilots(PILOTS[sizes])

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

    def fill_library(self, count):
        """Resources in the library up to `count`, in English and French."""
        for number in range(self.library.get_children().count(), count):
            resource = ResourcePageFactory(parent=self.library, title=f"Resource {number}")
            publish_translation(resource, self.french_locale)

    def link_pilot_and_news(self, count):
        """Give the measured pilot project (in both languages) `count` partners, documents and
        pictures, and the measured news item `count` partners."""
        partners = list(PartnerPage.objects.child_of(self.partners).order_by("path")[:count])
        for pilot in (self.pilot, self.french(self.pilot)):
            for model in (PilotProjectPartner, PilotProjectDocument, PilotProjectPicture):
                model.objects.filter(page=pilot).delete()
            for order, partner in enumerate(partners):
                PilotProjectPartner.objects.create(page=pilot, partner=partner, sort_order=order)
                PilotProjectDocument.objects.create(
                    page=pilot,
                    document=wagtail_factories.DocumentFactory(title=f"Report {order}"),
                    sort_order=order,
                )
                PilotProjectPicture.objects.create(
                    page=pilot, image=ImageFactory(), locale=pilot.locale, sort_order=order
                )
        for news in (self.news, self.french(self.news)):
            NewsPagePartner.objects.filter(page=news).delete()
            for order, partner in enumerate(partners):
                NewsPagePartner.objects.create(page=news, partner=partner, sort_order=order)

    def add_pilots(self, count):
        """Pilot projects up to `count`, each run by the measured partner, in both languages."""
        for _ in range(PilotProjectPage.objects.child_of(self.pilots).count(), count):
            pilot = PilotProjectPageFactory(parent=self.pilots)
            PilotProjectPartner.objects.create(page=pilot, partner=self.partner)
            publish_translation(pilot, self.french_locale)

    def french(self, page):
        return page.get_translation(self.french_locale)


@pytest.fixture
def growing_site(home):
    return GrowingSite(home)
