"""The demo events load, with the Careers Network's year; the
events the portal advertises and the providers' open days are always ahead."""

import zoneinfo

import pytest
from django.utils import timezone

from demo.dates import Calendar
from demo.loader import read
from directory.models import OpenDay
from events.attendance import counted_schools, network_figures
from events.dates import AcademicYear
from events.models import EventIndexPage, EventKind, EventPage, NetworkAttendance

from .factories import london

pytestmark = pytest.mark.django_db
london_zone = zoneinfo.ZoneInfo("Europe/London")


def open_days_in_data() -> int:
    return sum(len(page.get("open_days", [])) for page in read("post16")["page"])


def test_demo_events_are_the_files_events_and_the_networks_year(demo):
    # Loading twice adds nothing: tests/demo/test_loader.py loads the whole demo again.
    events = EventPage.objects.live()
    assert events.count() == len(read("events")["page"]) + open_days_in_data()
    year = Calendar.now().academic_year
    this_year = events.filter(start__gte=london(year, 8, 25), start__lt=london(year + 1, 8, 25))
    assert this_year.filter(kind=EventKind.NETWORK_MEETING).count() == 6
    assert {event.kind for event in events} == set(EventKind.values)
    assert all(event.organiser_team or event.organiser for event in events)

    # Attendance is recorded for meetings that have happened: all six of the year before.
    figures = {f.year: f for f in network_figures(now=london(year, 8, 25))}
    last_year = figures[AcademicYear(year - 1)]
    assert (last_year.meetings_held, last_year.schools, last_year.attended_target) == (
        6,
        len(counted_schools()),
        4,
    )
    assert NetworkAttendance.objects.filter(meeting__start__lt=london(year, 8, 25)).count() == 6


def test_advertised_events_are_ahead_and_held_ones_behind(demo):
    now = timezone.now()
    advertised = [page for page in read("events")["page"] if page["type"] == "events.EventPage"]
    upcoming = {p["title"] for p in advertised if p["start"].startswith(("next:", "+"))}
    held = {p["title"] for p in advertised if p["start"].startswith(("last:", "-"))}
    assert upcoming and held
    events = EventPage.objects.live()
    assert all(event.start > now for event in events.filter(title__in=upcoming))
    assert all(event.end < now for event in events.filter(title__in=held))
    assert all(event.start > now for event in events.filter(kind=EventKind.OPEN_DAY))
    # Every kind of event but the network's own meetings has one coming up.
    ahead = {event.kind for event in events.filter(start__gt=now)}
    assert ahead >= set(EventKind.values) - {EventKind.NETWORK_MEETING}


def test_providers_open_days_are_the_open_day_events_and_in_the_feed(client, demo):
    on_provider_pages = {
        (open_day.page.title, open_day.date)
        for open_day in OpenDay.objects.select_related("page").filter(page__live=True)
    }
    open_day_events = EventPage.objects.live().filter(kind=EventKind.OPEN_DAY)
    as_events = {
        (event.title.removesuffix(" open day"), event.start.astimezone(london_zone).date())
        for event in open_day_events
    }
    assert on_provider_pages and on_provider_pages == as_events
    feed = client.get(f"{EventIndexPage.objects.get().url}calendar.ics", {"type": "open-day"})
    assert feed.status_code == 200
    assert feed.content.decode().count("BEGIN:VEVENT") == len(on_provider_pages)
