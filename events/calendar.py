"""Seminars as iCalendar (RFC 5545) all-day events: one to add to a calendar, or all of a
language as a calendar to subscribe to."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//Efus//LIAISE 2 seminars//EN"


def seminar_calendar(seminars, name, request):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for seminar in seminars:
        calendar.add_component(seminar_event(seminar, request))
    return calendar


def seminar_event(seminar, request):
    event = Event()
    # The same seminar in another language is another event, with its own UID.
    event.add("uid", f"{seminar.translation_key}-{seminar.locale.language_code}")
    event.add("dtstamp", seminar.last_published_at or timezone.now())
    event.add("dtstart", seminar.start_date)
    # All-day events end on the day after the last one (DTEND is exclusive).
    event.add("dtend", seminar.end_date + datetime.timedelta(days=1))
    event.add("summary", seminar.title)
    event.add("location", seminar_location(seminar))
    event.add("description", seminar.summary)
    event.add("url", seminar.get_full_url(request))
    return event


def seminar_location(seminar):
    """ "Venue, City, Country", the country named in the active language."""
    country = seminar.country.name if seminar.country else ""
    return ", ".join(part for part in (seminar.venue, seminar.city, country) if part)


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
