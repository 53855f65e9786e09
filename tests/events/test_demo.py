"""The demo events load and load again without duplicates, with the Careers Network's year."""

import pytest

from events import demo
from events.attendance import network_figures
from events.dates import AcademicYear
from events.models import EventKind, EventPage, NetworkAttendance
from portal.home import demo as home_demo

from .factories import london

pytestmark = pytest.mark.django_db


def test_demo_events_load_twice_without_duplicates(home):
    home_demo.load(home)
    demo.load(home)
    demo.load(home)

    events = EventPage.objects.live()
    assert events.count() == len(demo.EVENTS)
    this_year = events.filter(start__gte=london(2026, 9, 1), start__lt=london(2027, 9, 1))
    assert this_year.filter(kind=EventKind.NETWORK_MEETING).count() == 6
    assert {event.kind for event in this_year} == set(EventKind.values)
    assert all(event.organiser_team or event.organiser for event in events)

    # Attendance is recorded for meetings that have happened: all six of 2025 to 2026.
    figures = {f.year: f for f in network_figures(now=london(2026, 8, 31))}
    last_year = figures[AcademicYear(2025)]
    assert (last_year.meetings_held, last_year.schools, last_year.attended_target) == (6, 6, 4)
    assert NetworkAttendance.objects.filter(meeting__start__lt=london(2026, 9, 1)).count() == 6
