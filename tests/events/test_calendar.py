import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import EventIndexPageFactory
from tests.factories import SeminarPageFactory as Seminar

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def leuven(seminar_index):
    return Seminar(
        parent=seminar_index,
        title="Assessing the impact of prevention",
        slug="leuven",
        start_date=datetime.date(2016, 8, 30),
        end_date=datetime.date(2016, 8, 31),
        city="Leuven",
        country="BE",
        venue="Town hall",
        summary="How cities evaluate what they do against radicalisation.",
    )


@pytest.fixture
def french_leuven(home, seminar_index, leuven, translate, french):
    translate(home)
    translate(seminar_index, {"Seminars": "Séminaires", "seminars": "seminaires"})
    translate(
        leuven,
        {
            "Assessing the impact of prevention": "Évaluer l’impact de la prévention",
            "Leuven": "Louvain",
            "Town hall": "Hôtel de ville",
        },
    )
    return leuven.get_translation(french)


def fetch_calendar(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return calendar.walk("VEVENT")


def test_seminar_is_an_all_day_event_ending_the_day_after(client, leuven):
    calendar = fetch_calendar(client, "/en/seminars/leuven/calendar/")

    [event] = events_of(calendar)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert event.decoded("DTSTART") == datetime.date(2016, 8, 30)
    assert event.decoded("DTEND") == datetime.date(2016, 9, 1)
    assert str(event["SUMMARY"]) == "Assessing the impact of prevention"
    assert str(event["LOCATION"]) == "Town hall, Leuven, Belgium"
    assert str(event["DESCRIPTION"]) == leuven.summary
    assert str(event["URL"]) == "https://liaise.example.org/en/seminars/leuven/"
    assert str(event["UID"]) == f"{leuven.translation_key}-en"
    assert isinstance(event.decoded("DTSTAMP"), datetime.datetime)


def test_one_day_seminar_ends_the_next_day(client, seminar_index):
    Seminar(parent=seminar_index, slug="bordeaux", start_date=datetime.date(2016, 5, 26))

    [event] = events_of(fetch_calendar(client, "/en/seminars/bordeaux/calendar/"))

    assert event.decoded("DTSTART") == datetime.date(2016, 5, 26)
    assert event.decoded("DTEND") == datetime.date(2016, 5, 27)


def test_location_leaves_out_a_missing_venue(client, seminar_index):
    Seminar(parent=seminar_index, slug="rimini", city="Rimini", country="IT", venue="")

    [event] = events_of(fetch_calendar(client, "/en/seminars/rimini/calendar/"))

    assert str(event["LOCATION"]) == "Rimini, Italy"


def test_french_event_is_in_french_with_its_own_stable_uid(client, leuven, french_leuven):
    [english] = events_of(fetch_calendar(client, "/en/seminars/leuven/calendar/"))
    [french] = events_of(fetch_calendar(client, "/fr/seminaires/leuven/calendrier/"))
    [french_again] = events_of(fetch_calendar(client, "/fr/seminaires/leuven/calendrier/"))

    assert str(french["SUMMARY"]) == "Évaluer l’impact de la prévention"
    assert str(french["LOCATION"]) == "Hôtel de ville, Louvain, Belgique"
    assert str(french["URL"]) == "https://liaise.example.org/fr/seminaires/leuven/"
    assert str(french["UID"]) == f"{leuven.translation_key}-fr" == str(french_again["UID"])
    assert str(french["UID"]) != str(english["UID"])


def test_index_calendar_has_every_live_seminar_of_its_language(client, seminar_index, leuven):
    Seminar(parent=seminar_index, title="Bordeaux", start_date=datetime.date(2016, 5, 26))
    Seminar(parent=seminar_index, title="Not published", live=False)
    next_year = timezone.localdate().year + 1
    Seminar(parent=seminar_index, title="Next year", start_date=datetime.date(next_year, 1, 15))

    calendar = fetch_calendar(client, "/en/seminars/calendar/")

    assert [str(event["SUMMARY"]) for event in events_of(calendar)] == [
        "Bordeaux",
        "Assessing the impact of prevention",
        "Next year",
    ]
    assert str(calendar["X-WR-CALNAME"]) == "Seminars · LIAISE 2"


def test_french_index_calendar_lists_only_french_seminars(client, seminar_index, french_leuven):
    Seminar(parent=seminar_index, title="Only in English")

    french = fetch_calendar(client, "/fr/seminaires/calendrier/")
    english = fetch_calendar(client, "/en/seminars/calendar/")

    assert [str(event["SUMMARY"]) for event in events_of(french)] == [
        "Évaluer l’impact de la prévention"
    ]
    assert str(french["X-WR-CALNAME"]) == "Séminaires · LIAISE 2"
    assert len(events_of(english)) == 2


def test_seminar_page_and_index_link_to_their_calendars(client, leuven):
    seminar_html = client.get("/en/seminars/leuven/").content.decode()
    index_html = client.get("/en/seminars/").content.decode()

    assert 'href="/en/seminars/leuven/calendar/" type="text/calendar" download>' in seminar_html
    assert "Add to calendar" in seminar_html
    assert 'href="/en/seminars/calendar/" type="text/calendar">' in index_html


def test_french_calendars_have_french_addresses_and_still_answer_at_the_first_ones(
    client, french_leuven
):
    french_html = client.get("/fr/seminaires/leuven/").content.decode()
    # What applications subscribed before the French addresses keep asking for.
    former = fetch_calendar(client, "/fr/seminaires/leuven/calendar/")

    assert 'href="/fr/seminaires/leuven/calendrier/" type="text/calendar" download>' in french_html
    assert [str(event["SUMMARY"]) for event in events_of(former)] == [
        "Évaluer l’impact de la prévention"
    ]
    assert client.get("/en/seminars/leuven/calendrier/").status_code == 404
