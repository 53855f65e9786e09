"""Dates and times as people in Stockton read them. Events are stored as aware datetimes (UTC in
the database) and always shown, filtered and exported in the portal's time zone (TIME_ZONE,
Europe/London), so a 10am event stays at 10am whether it falls in GMT or BST."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")


def local(moment: datetime.datetime) -> datetime.datetime:
    """The moment in the portal's time zone."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The start of a calendar day in the portal's time zone, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_default_timezone())


def format_time(moment: datetime.datetime) -> str:
    """GOV.UK style: 10am, 10:30am, midday, midnight."""
    moment = local(moment)
    if moment.minute == 0 and moment.hour in {0, 12}:
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def format_day(moment: datetime.datetime) -> str:
    """e.g. Friday 10 July 2026."""
    moment = local(moment)
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def format_span(start: datetime.datetime, end: datetime.datetime) -> str:
    """When an event happens: "Friday 10 July 2026, 10am to 3pm", or across days
    "Monday 26 July 2027, 10am to Friday 30 July 2027, 3pm"."""
    if local(start).date() == local(end).date():
        return f"{format_day(start)}, {format_time(start)} to {format_time(end)}"
    return f"{format_day(start)}, {format_time(start)} to {format_day(end)}, {format_time(end)}"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, written 2026-07 in URLs."""

    year: int
    month: int

    @classmethod
    def parse(cls, value: str) -> "Month | None":
        match = _MONTH.match(value.strip())
        if not match or not 2000 <= int(match["year"]) <= 2100:
            return None
        return cls(int(match["year"]), int(match["month"]))

    @classmethod
    def of(cls, moment: datetime.datetime) -> "Month":
        moment = local(moment)
        return cls(moment.year, moment.month)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{datetime.date(self.year, self.month, 1):%B %Y}"

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Local midnight on the first of the month and on the first of the next month."""
        following = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
        return (
            local_midnight(datetime.date(self.year, self.month, 1)),
            local_midnight(datetime.date(*following, 1)),
        )


@dataclass(frozen=True, order=True)
class AcademicYear:
    """A school year, 1 September to 31 August, named by the year it starts in."""

    start_year: int

    @classmethod
    def of(cls, moment: datetime.datetime) -> "AcademicYear":
        day = local(moment).date()
        return cls(day.year if day.month >= 9 else day.year - 1)

    def __str__(self) -> str:
        return f"{self.start_year} to {self.start_year + 1}"


TERM_NAMES = ("autumn", "spring", "summer")
# The months each term is counted in. Term dates differ by school and Easter moves, so a review or
# enquiry is placed by calendar month: autumn September to December, spring January to March,
# summer April to August (the summer holiday counts with the summer term it follows).
_TERM_OF_MONTH = {9: 0, 10: 0, 11: 0, 12: 0, 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2}
_TERM_FIRST_MONTH = (9, 1, 4)
_TERM_CODE = re.compile(r"^(?P<year>\d{4})-(?P<term>autumn|spring|summer)$")


@dataclass(frozen=True, order=True)
class Term:
    """A school term of an academic year, written 2026-autumn in URLs and exports."""

    year: AcademicYear
    index: int  # 0 autumn, 1 spring, 2 summer

    @classmethod
    def of(cls, moment: datetime.datetime | datetime.date) -> "Term":
        day = local(moment).date() if isinstance(moment, datetime.datetime) else moment
        start_year = day.year if day.month >= 9 else day.year - 1
        return cls(AcademicYear(start_year), _TERM_OF_MONTH[day.month])

    @classmethod
    def parse(cls, value: str) -> "Term | None":
        match = _TERM_CODE.match(value.strip())
        if not match or not 2000 <= int(match["year"]) <= 2100:
            return None
        return cls(AcademicYear(int(match["year"])), TERM_NAMES.index(match["term"]))

    @property
    def name(self) -> str:
        return TERM_NAMES[self.index]

    @property
    def code(self) -> str:
        return f"{self.year.start_year}-{self.name}"

    @property
    def label(self) -> str:
        """e.g. "Autumn 2026", "Spring 2027": the calendar year the term falls in."""
        return f"{self.name.capitalize()} {self.first_day.year}"

    @property
    def first_day(self) -> datetime.date:
        month = _TERM_FIRST_MONTH[self.index]
        return datetime.date(self.year.start_year + (month < 9), month, 1)

    def previous(self) -> "Term":
        if self.index:
            return Term(self.year, self.index - 1)
        return Term(AcademicYear(self.year.start_year - 1), 2)

    def following(self) -> "Term":
        if self.index < 2:
            return Term(self.year, self.index + 1)
        return Term(AcademicYear(self.year.start_year + 1), 0)

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Local midnight on the term's first day and on the next term's first day."""
        return local_midnight(self.first_day), local_midnight(self.following().first_day)

    def __str__(self) -> str:
        return self.code
