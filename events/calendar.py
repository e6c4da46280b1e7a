"""Events (seminars, training sessions) as iCalendar (RFC 5545) all-day events: one to add to a
calendar, or all of a language as a calendar to subscribe to."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//Efus//LIAISE 2 seminars//EN"


def event_calendar(events, name, request):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(calendar_event(event, request))
    return calendar


def calendar_event(page, request):
    event = Event()
    # The same event in another language is another event, with its own UID.
    event.add("uid", f"{page.translation_key}-{page.locale.language_code}")
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", page.start_date)
    # All-day events end on the day after the last one (DTEND is exclusive).
    event.add("dtend", page.end_date + datetime.timedelta(days=1))
    event.add("summary", page.title)
    event.add("location", event_location(page))
    event.add("description", page.summary)
    event.add("url", page.get_full_url(request))
    return event


def event_location(page):
    """ "Venue, City, Country", the country named in the active language."""
    country = page.country.name if page.country else ""
    return ", ".join(part for part in (page.venue, page.city, country) if part)


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
