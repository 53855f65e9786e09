"""The Careers Network success measure (seed 000, Recommendation 11): "at least 6 meetings
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
from .models import EventKind, EventPage, NetworkAttendance

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
