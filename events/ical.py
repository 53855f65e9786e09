"""Events as RFC 5545 iCalendar, built with the `icalendar` package.

- UIDs are the page's translation key, a UUID that never changes for the life of the page (not
  when it is edited, moved or renamed), so a subscribed calendar updates events instead of
  duplicating them. RFC 7986 recommends a UUID as the UID.
- Start and end carry TZID=Europe/London with the matching VTIMEZONE, so a 10am event reads 10am
  in every calendar whether it falls in GMT or BST.
- A cancelled event stays in the feed with STATUS:CANCELLED, so subscribers see the cancellation.

The URLs end in .ics without a trailing slash (events/urls.py hands them to Wagtail's page
routing), e.g. /events/calendar.ics?type=open-day and /events/careers-fair/event.ics."""

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import icalendar
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .dates import local

if TYPE_CHECKING:
    from .models import EventIndexPage, EventPage

PRODID = "-//Stockton-on-Tees Borough Council//Careers Portal events//EN"
# How often a subscribed calendar should check for changes (RFC 7986 and the de facto X- names).
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def feed_url(index: "EventIndexPage", params: Mapping[str, Any] | None = None) -> str:
    query = urlencode(params, doseq=True) if params else ""
    return f"{index.url}calendar.ics" + (f"?{query}" if query else "")


def event_url(event: "EventPage") -> str:
    return f"{event.url}event.ics"


def calendar_response(
    request: HttpRequest,
    events: Iterable["EventPage"],
    *,
    name: str,
    filename: str,
    attachment: bool = False,
) -> HttpResponse:
    """The events as a text/calendar response: a download for one event, inline for a feed."""
    body = build_calendar(events, name=name, request=request).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"attachment" if attachment else "inline"}; filename="{filename}"'
    return response


def build_calendar(
    events: Iterable["EventPage"], *, name: str, request: HttpRequest | None = None
) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    stamp = timezone.now()
    years = []
    for event in events:
        calendar.add_component(vevent(event, stamp=stamp, request=request))
        years += [local(event.start).year, local(event.end).year]
    if years:
        # Only the rules for the years the events fall in: enough for any client, and compact.
        calendar.add_missing_timezones(
            datetime.date(min(years) - 1, 1, 1), datetime.date(max(years) + 2, 1, 1)
        )
    return calendar


def vevent(
    event: "EventPage", *, stamp: datetime.datetime, request: HttpRequest | None = None
) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", str(event.translation_key))
    item.add("dtstamp", stamp)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    item.add("dtstart", local(event.start))
    item.add("dtend", local(event.end))
    item.add("summary", event.title)
    item.add("description", _description(event, request))
    item.add("location", event.place)
    item.add("url", event.get_full_url(request))
    item.add("categories", [event.get_kind_display()])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.organiser_team and event.organiser_team.contact_email:
        organiser = icalendar.vCalAddress(f"mailto:{event.organiser_team.contact_email}")
        organiser.params["cn"] = icalendar.vText(event.organiser_team.name)
        item.add("organizer", organiser)
    return item


def _description(event: "EventPage", request: HttpRequest | None) -> str:
    lines = [event.summary, "", f"Organised by {event.organiser_name}."]
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    if event.booking_url:
        lines.append(f"Book: {event.booking_url}")
    elif event.booking_details:
        lines.append(event.booking_details)
    if event.places:
        lines.append(f"{event.places} places.")
    lines += ["", f"More information: {event.get_full_url(request)}"]
    if event.is_cancelled:
        lines.insert(0, "CANCELLED.")
    return "\n".join(lines)
