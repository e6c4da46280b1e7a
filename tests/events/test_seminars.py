import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, SeminarPage, SeminarPartner, TrainingSessionPage
from tests.factories import EventIndexPageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.factories import SeminarPageFactory as Seminar
from tests.partners import listed_on_partner_page

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def seminar_index(home):
    return EventIndexPageFactory(parent=home)


def test_index_separates_upcoming_from_past_events_in_date_order(client, seminar_index):
    Seminar(parent=seminar_index, title="Later", start_date=days_from_today(60))
    Seminar(parent=seminar_index, title="Soon", start_date=days_from_today(10))
    Seminar(parent=seminar_index, title="Long ago", start_date=days_from_today(-400))
    Seminar(parent=seminar_index, title="Recently", start_date=days_from_today(-20))

    response = client.get(seminar_index.url)

    assert [s.title for s in response.context["upcoming_events"]] == ["Soon", "Later"]
    assert [s.title for s in response.context["past_events"]] == ["Recently", "Long ago"]


def test_seminar_still_running_counts_as_upcoming(seminar_index):
    running = Seminar(
        parent=seminar_index, start_date=days_from_today(-1), end_date=days_from_today(1)
    )

    assert running.is_upcoming
    assert list(SeminarPage.objects.upcoming()) == [running]


def test_index_without_upcoming_event_says_so(client, seminar_index):
    Seminar(parent=seminar_index, start_date=days_from_today(-20))

    html = client.get(seminar_index.url).content.decode()

    assert "No event is scheduled at the moment." in html


def test_one_day_seminar_ends_the_day_it_starts(seminar_index):
    seminar = Seminar(parent=seminar_index, start_date=datetime.date(2017, 3, 29), end_date=None)

    assert seminar.end_date == datetime.date(2017, 3, 29)


def test_seminar_cannot_end_before_it_starts(seminar_index):
    seminar = Seminar.build(
        start_date=datetime.date(2017, 3, 29), end_date=datetime.date(2017, 3, 1)
    )

    with pytest.raises(ValidationError) as error:
        seminar.full_clean()
    assert "end_date" in error.value.message_dict


def test_seminar_page_shows_dates_place_programme_and_partners(client, home, seminar_index):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Bordeaux")
    seminar = Seminar(
        parent=seminar_index,
        title="European cities facing radicalisation",
        start_date=datetime.date(2016, 5, 26),
        end_date=datetime.date(2016, 5, 27),
        venue="Hôtel de Ville",
        programme=[
            ("day", datetime.date(2016, 5, 26)),
            (
                "session",
                {
                    "start_time": datetime.time(9, 30),
                    "title": "Counter-narratives that work",
                    "description": "",
                    "speakers": [{"name": "Juan Cristellys", "affiliation": "Efus"}],
                },
            ),
        ],
    )
    SeminarPartner.objects.create(page=seminar, partner=partner)

    html = client.get(seminar.url).content.decode()

    for expected in [
        "European cities facing radicalisation",
        'datetime="2016-05-26"',
        'datetime="2016-05-27"',
        "Bordeaux",
        "France",
        "Hôtel de Ville",
        "Counter-narratives that work",
        "Juan Cristellys",
        partner.url,
    ]:
        assert expected in html


def test_partner_page_lists_its_seminars(client, home, seminar_index):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Leuven")
    seminar = Seminar(parent=seminar_index, title="Assessing prevention", city="Leuven")
    SeminarPartner.objects.create(page=seminar, partner=partner)

    response = client.get(partner.url)

    assert listed_on_partner_page(response, "partner-seminars") == [seminar]


class TestSeminarTreeRules(WagtailPageTestCase):
    def test_seminars_live_only_in_the_seminar_index(self):
        self.assertAllowedParentPageTypes(SeminarPage, {EventIndexPage})

    def test_events_index_takes_seminars_and_training_sessions(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {SeminarPage, TrainingSessionPage})


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (datetime.date(2016, 5, 26), datetime.date(2016, 5, 26), "26 May 2016"),
        (datetime.date(2016, 5, 26), datetime.date(2016, 5, 27), "26–27 May 2016"),
        (datetime.date(2016, 5, 30), datetime.date(2016, 6, 2), "30 May – 2 June 2016"),
        (
            datetime.date(2016, 12, 30),
            datetime.date(2017, 1, 2),
            "30 December 2016 – 2 January 2017",
        ),
    ],
)
def test_event_dates_read_the_same_on_the_event_page_and_in_lists(client, home, start, end, shown):
    index = EventIndexPageFactory(parent=home)
    seminar = Seminar(parent=index, title="Leuven", start_date=start, end_date=end)

    for url in (seminar.url, index.url):
        text = BeautifulSoup(client.get(url).content, "html.parser").select_one(".dates")
        assert text.get_text().replace(" to ", "") == shown, url
