"""Training sessions beside seminars: their page in both languages, the one events index (kinds,
order, filter), the calendar, JSON-LD, search, the partner page, and the hero of event pages."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents.models import Document

from events.models import (
    SeminarPartner,
    TrainingSessionDocument,
    TrainingSessionPage,
    TrainingSessionPartner,
)
from network.models import PartnerPage
from tests.factories import (
    EventIndexPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    TrainingSessionPageFactory,
)
from tests.partners import listed_on_partner_page
from tests.performance.test_page_cache import cache_status

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def json_ld(html):
    return [
        json.loads(data)
        for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def augsburg(home):
    return PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        title="City of Augsburg",
        slug="augsburg",
        city="Augsburg",
        country="DE",
    )


@pytest.fixture
def session(events_index, augsburg):
    """A two-day training session in Augsburg, hosted by the city, with a trainer, a programme
    and a document."""
    session = TrainingSessionPageFactory(
        parent=events_index,
        title="Working with families",
        slug="augsburg-training",
        start_date=datetime.date(2016, 9, 20),
        end_date=datetime.date(2016, 9, 21),
        city="Augsburg",
        country="DE",
        venue="Rathaus",
        audience="Youth workers",
        summary="How to talk with families worried about a child.",
        trainers=[("trainer", {"name": "Ufuq", "affiliation": "Intercultural dialogue"})],
        programme=[
            (
                "session",
                {
                    "title": "First conversations",
                    "description": "",
                    "speakers": [],
                },
            )
        ],
    )
    TrainingSessionPartner.objects.create(page=session, partner=augsburg)
    document = Document.objects.create(
        title="Trainer's guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf")
    )
    TrainingSessionDocument.objects.create(page=session, document=document)
    return session


@pytest.fixture
def french_session(home, events_index, augsburg, session, translate, french):
    translate(home)
    translate(events_index, {"Seminars": "Événements", "seminars": "evenements"})
    translate(augsburg.get_parent(), {"Partners": "Partenaires", "partners": "partenaires"})
    translate(augsburg, {"City of Augsburg": "Ville d’Augsbourg", "Augsburg": "Augsbourg"})
    translate(
        session,
        {
            "Working with families": "Travailler avec les familles",
            "Youth workers": "Animateurs jeunesse",
            "Augsburg": "Augsbourg",
            "augsburg-training": "formation-augsbourg",
        },
    )
    return session.get_translation(french)


# -- The training session's page ---------------------------------------------------------------


def test_training_session_page_shows_dates_place_audience_trainers_programme_documents_hosts(
    client, session, augsburg
):
    html = client.get(session.url).content.decode()

    for expected in [
        "<h1>Working with families</h1>",
        'datetime="2016-09-20"',
        'datetime="2016-09-21"',
        "Augsburg",
        "Germany",
        "Rathaus",
        "Youth workers",
        "Ufuq",
        "First conversations",
        "Trainer&#x27;s guide",
        "Hosting partners",
        augsburg.url,
    ]:
        assert expected in html


def test_french_training_session_page_is_in_french_with_its_french_host(
    client, french_session, french
):
    response = client.get(french_session.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert french_session.url.startswith("/fr/")
    for expected in [
        "<h1>Travailler avec les familles</h1>",
        "Session de formation",
        "Animateurs jeunesse",
        '<time datetime="2016-09-21">21 septembre 2016</time>',  # of "20-21 septembre"
        "Allemagne",
        "Partenaires d’accueil",
        "Ville d’Augsbourg",
    ]:
        assert expected in html
    assert [p.locale for p in response.context["partners"]] == [french]


def test_training_session_cannot_end_before_it_starts():
    session = TrainingSessionPageFactory.build(
        start_date=datetime.date(2016, 9, 20), end_date=datetime.date(2016, 9, 1)
    )

    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "end_date" in error.value.message_dict


# -- One events index --------------------------------------------------------------------------


@pytest.fixture
def mixed_events(events_index):
    """Two upcoming and two past events, a seminar and a training session each time."""
    return {
        "soon training": TrainingSessionPageFactory(
            parent=events_index, title="Soon training", start_date=days_from_today(5)
        ),
        "later seminar": SeminarPageFactory(
            parent=events_index, title="Later seminar", start_date=days_from_today(40)
        ),
        "recent seminar": SeminarPageFactory(
            parent=events_index, title="Recent seminar", start_date=days_from_today(-10)
        ),
        "old training": TrainingSessionPageFactory(
            parent=events_index, title="Old training", start_date=days_from_today(-300)
        ),
    }


def listed(response):
    upcoming = [event.title for event in response.context["upcoming_events"]]
    past = [event.title for event in response.context["past_events"]]
    return upcoming, past


def test_events_index_lists_both_kinds_upcoming_first_soonest_first(
    client, events_index, mixed_events
):
    response = client.get(events_index.url)

    assert listed(response) == (
        ["Soon training", "Later seminar"],
        ["Recent seminar", "Old training"],
    )
    html = response.content.decode()
    assert html.index("Soon training") < html.index("Later seminar") < html.index("Old training")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("training", (["Soon training"], ["Old training"])),
        ("seminar", (["Later seminar"], ["Recent seminar"])),
    ],
)
def test_events_index_filters_by_kind(client, events_index, mixed_events, kind, expected):
    response = client.get(events_index.url, {"kind": kind})

    html = response.content.decode()
    assert listed(response) == expected
    # The filter leads to the list, whose number a live region then says (static/js/results.js).
    assert f'href="{events_index.url}?kind={kind}#event-list" aria-current="page"' in html
    assert 'data-result-announcement="2 events listed" data-list="event-list"' in html


def test_events_index_with_an_unknown_kind_lists_every_event_and_says_so(
    client, events_index, mixed_events
):
    response = client.get(events_index.url, {"kind": "<script>"})

    assert response.status_code == 200
    assert listed(response) == listed(client.get(events_index.url))
    assert "There is no such kind of event" in response.content.decode()


def test_events_index_pages_keep_the_kind_filter(client, events_index, settings):
    settings.EVENTS_PAGE_SIZE = 1
    for day in (1, 2):
        TrainingSessionPageFactory(parent=events_index, start_date=days_from_today(day))
    SeminarPageFactory(parent=events_index, start_date=days_from_today(3))

    response = client.get(events_index.url, {"kind": "training"})

    assert response.context["events_page"].paginator.count == 2
    assert "?kind=training&amp;page=2" in response.content.decode()


def test_events_calendar_includes_training_sessions(client, events_index, mixed_events):
    response = client.get(events_index.url + "calendar/")

    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert sorted(summaries) == sorted(page.title for page in mixed_events.values())


def test_training_session_can_be_added_to_a_calendar(client, session):
    response = client.get(session.url + "calendar/")

    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Working with families"
    assert str(event["LOCATION"]) == "Rathaus, Augsburg, Germany"


# -- Structured data, search, partner page -----------------------------------------------------


def test_training_session_is_a_schema_org_education_event(client, session):
    [event] = json_ld(client.get(session.url).content.decode())

    assert event["@type"] == "EducationEvent"
    assert event["name"] == "Working with families"
    assert event["startDate"] == "2016-09-20"
    assert event["audience"] == {"@type": "Audience", "audienceType": "Youth workers"}


def test_seminar_stays_a_schema_org_event(client, events_index):
    seminar = SeminarPageFactory(parent=events_index)

    [event] = json_ld(client.get(seminar.url).content.decode())

    assert event["@type"] == "Event"


def test_search_finds_training_sessions_with_their_type_and_dates(client, session):
    response = client.get("/en/search/", {"q": "families"})

    [result] = response.context["search_results"]
    assert result.page.pk == session.pk
    assert str(result.type_label) == "Training session"
    assert 'datetime="2016-09-20"' in response.content.decode()


def test_partner_page_lists_the_training_sessions_it_hosts(client, session, augsburg):
    other = TrainingSessionPageFactory(parent=session.get_parent(), title="Not in Augsburg")

    response = client.get(augsburg.url)

    assert listed_on_partner_page(response, "partner-training-sessions") == [session]
    html = response.content.decode()
    assert session.url in html
    assert other.url not in html


def test_french_partner_page_lists_the_french_training_session(client, french_session, french):
    french_partner = PartnerPage.objects.get(locale=french, title="Ville d’Augsbourg")

    response = client.get(french_partner.url)

    assert listed_on_partner_page(response, "partner-training-sessions") == [
        french_session.specific
    ]


# -- The hero of event pages -------------------------------------------------------------------


def test_seminar_hero_shows_date_place_and_a_map_inset(client, events_index):
    seminar = SeminarPageFactory(
        parent=events_index,
        start_date=datetime.date(2016, 10, 11),
        city="Leuven",
        country="BE",
        latitude=50.88,
        longitude=4.70,
    )

    html = client.get(seminar.url).content.decode()
    hero = html.split('class="event-hero"', 1)[1].split("</header>", 1)[0]

    assert 'datetime="2016-10-11"' in hero
    assert "Leuven" in hero
    assert "Belgium" in hero
    assert 'class="map-inset"' in hero
    assert "Where it takes place: Leuven, Belgium" in hero
    assert "network-map__marker--event" in hero


def test_seminar_without_coordinates_has_a_hero_without_map(client, events_index):
    seminar = SeminarPageFactory(parent=events_index)

    html = client.get(seminar.url).content.decode()

    assert 'class="event-hero"' in html
    assert 'class="map-inset"' not in html


@pytest.mark.parametrize(
    ("coordinates", "wrong_field"),
    [({"latitude": 50.88}, "longitude"), ({"longitude": 4.7}, "latitude")],
)
def test_seminar_needs_both_coordinates_or_neither(coordinates, wrong_field):
    seminar = SeminarPageFactory.build(**coordinates)

    with pytest.raises(ValidationError) as error:
        seminar.full_clean()
    assert wrong_field in error.value.message_dict


def test_partner_links_of_seminars_and_training_sessions_stay_apart(client, session, augsburg):
    seminar = SeminarPageFactory(parent=session.get_parent(), title="Augsburg seminar")
    SeminarPartner.objects.create(page=seminar, partner=augsburg)

    response = client.get(augsburg.url)

    assert listed_on_partner_page(response, "partner-seminars") == [seminar]
    assert listed_on_partner_page(response, "partner-training-sessions") == [session]


def test_events_index_is_cached_per_kind_it_offers_only(settings, client, events_index):
    settings.PAGE_CACHE_ENABLED = True
    TrainingSessionPageFactory(parent=events_index)

    assert cache_status(events_index.url, {"kind": "training"}) == "hit"
    assert cache_status(events_index.url, {"kind": "seminar"}) == "hit"
    assert cache_status(events_index.url, {"kind": "webinar"}) == "none"


def test_editor_creates_a_training_session_in_the_events_index(
    admin_client, events_index, augsburg
):
    response = admin_client.post(
        f"/admin/pages/add/events/trainingsessionpage/{events_index.pk}/",
        {
            "title": "Example training session",
            "slug": "example-training-session",
            "start_date": "2017-02-08",
            "end_date": "",
            "city": "Liège",
            "country": "BE",
            "venue": "",
            "latitude": "50.633",
            "longitude": "5.567",
            "audience": "Municipal staff",
            "summary": "What a training session is like.",
            "trainers-count": "0",
            "body-count": "0",
            "programme-count": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "partner_links-TOTAL_FORMS": "1",
            "partner_links-INITIAL_FORMS": "0",
            "partner_links-MIN_NUM_FORMS": "0",
            "partner_links-MAX_NUM_FORMS": "1000",
            "partner_links-0-partner": str(augsburg.pk),
            "partner_links-0-ORDER": "1",
            "partner_links-0-id": "",
            "partner_links-0-DELETE": "",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    session = TrainingSessionPage.objects.get(slug="example-training-session")
    assert session.live
    assert session.end_date == datetime.date(2017, 2, 8)
    assert [link.partner for link in session.partner_links.all()] == [augsburg]


def test_api_lists_training_sessions_with_their_fields(client, session):
    response = client.get(
        "/api/v2/pages/",
        {"type": "events.TrainingSessionPage", "fields": "audience,trainers,latitude"},
    )

    [item] = response.json()["items"]
    assert item["title"] == "Working with families"
    assert item["audience"] == "Youth workers"
    assert item["trainers"][0]["value"]["name"] == "Ufuq"
    assert item["latitude"] is None
