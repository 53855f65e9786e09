"""Demo dates, relative to today.

The demo content is written for one academic year, September 2026 to August 2027, as it stood on
1 December 2026. When it loads, every date of that year moves to the academic year that contains
today, by the whole number of weeks closest to the years between them: a Wednesday meeting stays a
Wednesday and an open day in March stays in (or within three days of) March. Dates that say how
long ago something happened (last reviewed) keep their distance from today instead. So the demo
looks the same whichever year it is loaded in, and tests written against it never go out of date."""

import datetime
import re

from django.utils import timezone

WRITTEN_FOR = 2026  # the academic year starting in September 2026
WRITTEN_ON = datetime.date(2026, 12, 1)


def _today() -> datetime.date:
    return timezone.localdate()


def academic_year(day: datetime.date) -> int:
    """The year in which the academic year containing `day` starts (it runs September to August)."""
    return day.year if day.month >= 9 else day.year - 1


def years_on() -> int:
    """How many academic years today is after the one the demo is written for."""
    return academic_year(_today()) - WRITTEN_FOR


def shift() -> datetime.timedelta:
    """Whole weeks, as close as can be to `years_on()` years."""
    years = years_on()
    exact = datetime.date(WRITTEN_FOR + years, 9, 1) - datetime.date(WRITTEN_FOR, 9, 1)
    return datetime.timedelta(weeks=round(exact.days / 7))


def day(year: int, month: int, date: int) -> datetime.date:
    """A date as written in the demo, moved into the current academic year."""
    return datetime.date(year, month, date) + shift()


def moment(year: int, month: int, date: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A local time as written in the demo, moved into the current academic year (an aware datetime)."""
    return datetime.datetime.combine(
        day(year, month, date), datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )


def ago(year: int, month: int, date: int) -> datetime.date:
    """A date as written in the demo that says how long ago something happened: as long before today
    as it was before the day the demo was written."""
    return _today() - (WRITTEN_ON - datetime.date(year, month, date))


def restamp(text: str, first: int = WRITTEN_FOR) -> str:
    """Text written for 2026 to 2027 (a slug, a title, "for September 2027") for the current year.
    Years before `first` are history ("the 2025 Gatsby Benchmarks") and stay as they are; a slug or
    title made from a date of the year before passes `first=WRITTEN_FOR - 1`."""
    years = years_on()
    if not years:
        return text
    return re.sub(
        r"\b(20\d\d)\b",
        lambda match: str(int(match[1]) + years) if first <= int(match[1]) <= WRITTEN_FOR + 1 else match[1],
        text,
    )


def long_date(value: datetime.date) -> str:
    """e.g. 25 November 2026."""
    return f"{value.day} {value:%B %Y}"
