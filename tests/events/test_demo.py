"""The demo events load and load again without duplicates, with the Careers Network's year."""

import zoneinfo

import pytest

from directory import demo as directory_demo
from directory.models import OpenDay
from events import demo
from events.attendance import network_figures
from events.dates import AcademicYear
from events.models import EventIndexPage, EventKind, EventPage, NetworkAttendance
from portal.home import demo as home_demo
from portal.home import demo_calendar as calendar

from .factories import london

pytestmark = pytest.mark.django_db
london_zone = zoneinfo.ZoneInfo("Europe/London")


def test_demo_events_load_twice_without_duplicates(home):
    home_demo.load(home)
    demo.load(home)
    demo.load(home)

    events = EventPage.objects.live()
    assert events.count() == len(demo.EVENTS) + len(demo.open_days())
    year = calendar.academic_year(calendar.day(2026, 12, 1))  # the demo's year, moved to today's
    this_year = events.filter(start__gte=london(year, 8, 25), start__lt=london(year + 1, 8, 25))
    assert this_year.filter(kind=EventKind.NETWORK_MEETING).count() == 6
    assert {event.kind for event in this_year} == set(EventKind.values)
    assert all(event.organiser_team or event.organiser for event in events)

    # Attendance is recorded for meetings that have happened: all six of the year before.
    figures = {f.year: f for f in network_figures(now=london(year, 8, 25))}
    last_year = figures[AcademicYear(year - 1)]
    assert (last_year.meetings_held, last_year.schools, last_year.attended_target) == (6, 6, 4)
    assert NetworkAttendance.objects.filter(meeting__start__lt=london(year, 8, 25)).count() == 6


def test_providers_open_days_are_the_open_day_events_and_in_the_feed(client, home):
    home_demo.load(home)
    directory_demo.load(home)
    demo.load(home)
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
