"""The impact dashboard's figures for placements and encounters, by key stage and year group, and
how far each of Years 7 to 11 is from "two weeks' worth" of experiences of work. The assumptions
(what counts as a day, how a key stage's places are shared between its year groups, the size of a
year group) are set out in docs/encounters.md.

Figures cover the academic year (1 September to 31 August) that contains the dashboard's last
day, by the start date of each window: offers and requests are planned by school year, not by the
month a request happened to be sent."""

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

from django.conf import settings

from placements.models import PlacementRequest, RequestStatus, WindowCapacity
from placements.vocabulary import KINDS_BY_CODE, WORK_PLACEMENT, YEAR_GROUPS

if TYPE_CHECKING:
    from .dashboard import Period, Table

HOURS_A_DAY = 5  # a school day of activity, without breaks and lunch
TWO_WEEKS_DAYS = 10
TWO_WEEKS_YEARS = ("Y7", "Y8", "Y9", "Y10", "Y11")
# Two weeks' worth across Years 7 to 11, spread evenly: two days a pupil in each year.
DAYS_A_YEAR = TWO_WEEKS_DAYS / len(TWO_WEEKS_YEARS)
YEARS_OF = {ks: [code for code, _, stage in YEAR_GROUPS if stage == ks] for _, _, ks in YEAR_GROUPS}
LABELS = {code: label for code, label, _ in YEAR_GROUPS}
STAGE_OF = {code: stage for code, _, stage in YEAR_GROUPS}
PLACEMENTS, ENCOUNTERS = "placements", "encounters"
# The key stages the monthly placements table reports (work placements are for KS4 and KS5).
PLACEMENT_STAGES = KINDS_BY_CODE[WORK_PLACEMENT].key_stages
ENCOUNTER_KINDS = [code for code in KINDS_BY_CODE if code != WORK_PLACEMENT]


def academic_year(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first day of the school year containing `on`, and the first day of the next."""
    start_year = on.year if on.month >= 9 else on.year - 1
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 9, 1)


def _group(kind: str) -> str:
    return PLACEMENTS if kind == WORK_PLACEMENT else ENCOUNTERS


def _days(kind: str, hours: int) -> float:
    """Days of experience of work one young person gets: 0 for kinds that are not experiences of
    work (a talk, a careers fair stand, mock interviews, mentoring)."""
    info = KINDS_BY_CODE.get(kind)
    return hours / HOURS_A_DAY if info and info.experience_of_work else 0.0


def offered(period: "Period") -> dict[tuple[str, str], list[float]]:
    """(placements or encounters, year group) -> [places, days of experience of work], each
    window's places shared evenly between the year groups of its key stages."""
    first, after = academic_year(period.today)
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    windows = (
        WindowCapacity.objects.filter(withdrawn=False, page__isnull=False)
        .filter(start_date__gte=first, start_date__lt=after)
        .values_list("pk", "places", "page__kind", "page__hours_each", "page__key_stages__code")
    )
    stages: dict[int, list[str]] = defaultdict(list)
    facts: dict[int, tuple[int, str, int]] = {}
    for pk, places, kind, hours, key_stage in windows:
        facts[pk] = (places, kind, hours)
        if key_stage:
            stages[pk].append(key_stage)
    for pk, (places, kind, hours) in facts.items():
        years = [year for stage in stages[pk] for year in YEARS_OF.get(stage, [])]
        for year in years:
            share = places / len(years)
            totals[(_group(kind), year)][0] += share
            totals[(_group(kind), year)][1] += share * _days(kind, hours)
    return totals


def accepted(period: "Period") -> dict[tuple[str, str], list[float]]:
    """(placements or encounters, year group) -> [young people, days of experience of work] in
    accepted requests, each request's young people shared evenly between the year groups it named."""
    first, after = academic_year(period.today)
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    rows = PlacementRequest.objects.filter(
        status=RequestStatus.ACCEPTED, window__start_date__gte=first, window__start_date__lt=after
    ).values_list("young_people", "year_groups", "window__page__kind", "window__page__hours_each")
    for young_people, years, kind, hours in rows:
        years = [year for year in years or () if year in LABELS]
        kind = kind or WORK_PLACEMENT  # the page was deleted: its requests were for placements
        for year in years:
            share = young_people / len(years)
            totals[(_group(kind), year)][0] += share
            totals[(_group(kind), year)][1] += share * _days(kind, hours or 0)
    return totals


def _round(value: float) -> float:
    return round(value, 1)


def by_year_group(period: "Period") -> "Table":
    from .dashboard import Table

    first, after = academic_year(period.today)
    offers, taken = offered(period), accepted(period)
    table = Table(
        title="Placements and encounters by key stage and year group",
        description=f"The school year from {first:%-d %B %Y} to {after - datetime.timedelta(days=1):%-d %B %Y}, "
        "by the start of each window. Places offered for a key stage are shared evenly between its year "
        "groups; young people accepted are shared between the year groups each request named.",
        columns=[
            "Year group",
            "Key stage",
            "Placements: places offered",
            "Placements: young people accepted",
            "Encounters: places offered",
            "Encounters: young people accepted",
        ],
    )
    for year, label, stage in YEAR_GROUPS:
        table.rows.append(
            [
                label,
                stage,
                *(
                    _round(source[(group, year)][0])
                    for group in (PLACEMENTS, ENCOUNTERS)
                    for source in (offers, taken)
                ),
            ]
        )
    return table


def two_weeks_worth(period: "Period") -> "Table":
    from .dashboard import Table

    offers, taken = offered(period), accepted(period)
    pupils = settings.YEAR_GROUP_SIZE
    table = Table(
        title="Two weeks’ worth of experiences of work: Years 7 to 11",
        description=f"Days of experience of work a pupil in each year group could have from what is offered, "
        f"and has from accepted requests, this school year, against {DAYS_A_YEAR:g} days a year (two weeks "
        f"over Years 7 to 11). A day is {HOURS_A_DAY} hours of activity; talks, careers fairs, mock "
        f"interviews and mentoring are encounters, not experiences of work, so they do not count. Year "
        f"groups of {pupils:,} pupils.",
        columns=[
            "Year group",
            "Days a pupil needs this year",
            "Days a pupil from offers",
            "Short by (offers)",
            "Days a pupil from accepted requests",
            "Short by (accepted)",
        ],
    )
    for year in TWO_WEEKS_YEARS:
        from_offers = sum(offers[(group, year)][1] for group in (PLACEMENTS, ENCOUNTERS)) / pupils
        from_accepted = sum(taken[(group, year)][1] for group in (PLACEMENTS, ENCOUNTERS)) / pupils
        table.rows.append(
            [
                LABELS[year],
                DAYS_A_YEAR,
                round(from_offers, 2),
                round(max(DAYS_A_YEAR - from_offers, 0), 2),
                round(from_accepted, 2),
                round(max(DAYS_A_YEAR - from_accepted, 0), 2),
            ]
        )
    return table
