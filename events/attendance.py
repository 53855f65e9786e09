"""The Careers Network success measure (the careers action plan, docs/sources.md): "at least 6 meetings
attended by 80% of our secondary schools and colleges", reported per academic year.

- Meetings held: Careers Network meetings of the year that have started and were not cancelled.
- Our secondary schools and colleges: open schools whose phase is secondary, all-through or
  sixth form / college (School.is_secondary_or_college). A school that has closed drops out of
  the count for every year, so the share is always of schools that are open now.
- A school attended a meeting when it is ticked on that meeting's attendance record.

Everything is counted in Python from three small queries (meetings, attendance pairs, schools):
there are a handful of meetings a year, and the arithmetic stays identical on SQLite and
PostgreSQL without time-zone-dependent SQL."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from portal.taxonomy.models import School

from .dates import AcademicYear
from .models import EventAttendance, EventKind, EventPage, NetworkAttendance

TARGET_MEETINGS = 6
TARGET_SHARE = Decimal(80)
COUNTED_PHASES = (School.Phase.SECONDARY, School.Phase.ALL_THROUGH, School.Phase.POST_16)


def percent(part: int, whole: int) -> Decimal:
    """part of whole as a percentage to one decimal place (0 when there is nothing to divide)."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class YearFigures:
    """One academic year of the network: meetings and how many schools came to how many."""

    year: AcademicYear
    meetings_held: int = 0
    meetings_to_come: int = 0
    schools: int = 0
    meetings_by_school: dict[int, int] = field(default_factory=dict)

    @property
    def attended_at_least_one(self) -> int:
        return sum(1 for count in self.meetings_by_school.values() if count >= 1)

    @property
    def attended_target(self) -> int:
        return sum(1 for count in self.meetings_by_school.values() if count >= TARGET_MEETINGS)

    @property
    def share_at_least_one(self) -> Decimal:
        return percent(self.attended_at_least_one, self.schools)

    @property
    def share_target(self) -> Decimal:
        return percent(self.attended_target, self.schools)

    @property
    def target_met(self) -> bool:
        return self.schools > 0 and self.share_target >= TARGET_SHARE


def counted_schools() -> list[School]:
    """The secondary schools and colleges the measure is a share of."""
    return list(School.objects.filter(phase__in=COUNTED_PHASES, is_open=True).order_by("name"))


def network_figures(now: datetime.datetime | None = None) -> list[YearFigures]:
    """Figures for every academic year with a Careers Network meeting, most recent first."""
    now = now or timezone.now()
    schools = counted_schools()
    counted_ids = {school.pk for school in schools}
    meetings = EventPage.objects.filter(kind=EventKind.NETWORK_MEETING, is_cancelled=False).values_list(
        "pk", "start"
    )
    years: dict[AcademicYear, YearFigures] = {}
    held_in: dict[int, AcademicYear] = {}
    for pk, start in meetings:
        year = AcademicYear.of(start)
        figures = years.setdefault(year, YearFigures(year, schools=len(schools)))
        if start <= now:
            figures.meetings_held += 1
            held_in[pk] = year
        else:
            figures.meetings_to_come += 1
    counts: dict[AcademicYear, Counter[int]] = defaultdict(Counter)
    pairs = NetworkAttendance.schools.through.objects.filter(
        networkattendance__meeting_id__in=list(held_in), school_id__in=counted_ids
    ).values_list("networkattendance__meeting_id", "school_id")
    for meeting_id, school_id in pairs:
        counts[held_in[meeting_id]][school_id] += 1
    for year, figures in years.items():
        figures.meetings_by_school = {school.pk: counts[year][school.pk] for school in schools}
    return sorted(years.values(), key=lambda figures: figures.year, reverse=True)


def school_breakdown(figures: YearFigures) -> list[tuple[School, int]]:
    """Each counted school with the meetings it attended that year, fewest first (to follow up)."""
    schools = {school.pk: school for school in counted_schools()}
    rows = [(schools[pk], count) for pk, count in figures.meetings_by_school.items() if pk in schools]
    return sorted(rows, key=lambda row: (row[1], row[0].name))


# The action plan's other measures: a careers event reaching 500 young people and a roadshow in
# 3 schools in an academic year, and CPD attendance by course. Counted from EventAttendance.
TARGET_YOUNG_PEOPLE = 500
TARGET_ROADSHOW_SCHOOLS = 3


@dataclass
class ActionPlanYear:
    """One academic year of the action plan's event measures."""

    year: AcademicYear
    largest_event: EventAttendance | None = None
    roadshow_schools: int = 0
    roadshows: int = 0

    @property
    def young_people_reached(self) -> int:
        return self.largest_event.young_people if self.largest_event else 0

    @property
    def event_target_met(self) -> bool:
        return self.young_people_reached >= TARGET_YOUNG_PEOPLE

    @property
    def roadshow_target_met(self) -> bool:
        return self.roadshow_schools >= TARGET_ROADSHOW_SCHOOLS


def recorded_attendance(since: datetime.datetime | None = None) -> list[EventAttendance]:
    """Attendance recorded for events that were not cancelled, oldest first."""
    records = EventAttendance.objects.select_related("event").filter(event__is_cancelled=False)
    if since is not None:
        records = records.filter(event__start__gte=since)
    return list(records.order_by("event__start", "event__title"))


def action_plan_figures(since: datetime.datetime | None = None) -> list[ActionPlanYear]:
    """The event measures for every academic year with recorded attendance, most recent first.
    "A careers event" is the year's largest careers fair, roadshow or apprenticeship event."""
    years: dict[AcademicYear, ActionPlanYear] = {}
    careers_events = {EventKind.CAREERS_FAIR, EventKind.ROADSHOW, EventKind.APPRENTICESHIP}
    for record in recorded_attendance(since):
        year = AcademicYear.of(record.event.start)
        figures = years.setdefault(year, ActionPlanYear(year))
        if record.event.kind in careers_events and record.young_people > figures.young_people_reached:
            figures.largest_event = record
        if record.event.kind == EventKind.ROADSHOW:
            figures.roadshows += 1
            figures.roadshow_schools += record.schools
    return sorted(years.values(), key=lambda figures: figures.year, reverse=True)


def cpd_by_course(since: datetime.datetime | None = None) -> list[tuple[str, int, int, int]]:
    """(course, sessions, schools, staff) for CPD training, a course being the event's title."""
    courses: dict[str, list[int]] = {}
    for record in recorded_attendance(since):
        if record.event.kind == EventKind.CPD:
            row = courses.setdefault(record.event.title, [0, 0, 0])
            row[0] += 1
            row[1] += record.schools
            row[2] += record.staff
    return [(title, *counts) for title, counts in sorted(courses.items())]
