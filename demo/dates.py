"""Demo dates, written relative to today so the demo never goes stale.

A date in a data file is one of:

- `"+21d"`, `"-6w"`, `"+3m"`, `"-2y"`: that many days, weeks, months or years from today.
- `"ay:03-08"`, `"ay-1:09-24"`, `"ay+1:01-20"`: a day of the academic year (September to August)
  that contains today, or of the one before or after. Month and day are as written for the
  reference year, September 2026 to August 2027, and the date moves by whole weeks so that
  it keeps its weekday: 03-08 is a Monday in the reference year and a Monday every year.
- `"next:11-14"`: the same, in this academic year if that day is still to come, else the next one:
  for things that must be upcoming (open days, placement windows, advertised events) and still
  keep their season.
- `"last:10-08"`: the same, but the most recent one already past: things that have been held.
- `"2020-09-01"`: an absolute date, only for history (when T levels started); the data file says so.

Any of the forms can end with a time, `"next:03-04 16:00"`, which gives an aware datetime in the
site's time zone. Dates that belong together (a window's first and last day) are read together by
`span`, so a window never ends before it starts."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

REFERENCE_YEAR = 2026  # the academic year the month-day forms are written for: Sept 2026 to Aug 2027

RELATIVE = re.compile(r"^(?P<sign>[+-])(?P<count>\d+)(?P<unit>[dwmy])$")
TERM = re.compile(r"^(?P<anchor>ay|next|last)(?P<offset>[+-]\d+)?:(?P<month>\d\d)-(?P<day>\d\d)$")
ABSOLUTE = re.compile(r"^\d{4}-\d\d-\d\d$")
TIME = re.compile(r"^(?P<hour>\d\d):(?P<minute>\d\d)$")


class DemoDateError(ValueError):
    """A date in a data file that is not one of the forms above."""


class Day(datetime.date):
    """A date whose format spec `long` gives "25 November 2026", for text in data files."""

    def __format__(self, spec: str) -> str:
        if spec == "long":
            return f"{self.day} {self:%B %Y}"
        return super().__format__(spec)


@dataclass(frozen=True)
class Calendar:
    """Reads demo dates against one `today`, so everything loaded together agrees."""

    today: datetime.date

    @classmethod
    def now(cls) -> "Calendar":
        return cls(timezone.localdate())

    @property
    def academic_year(self) -> int:
        """The year in which the academic year containing today starts."""
        return academic_year(self.today)

    def date(self, text: str) -> Day:
        """The date a data file's date string stands for (any time part is dropped)."""
        return self._resolve(text.split(" ")[0])[0]

    def moment(self, text: str) -> datetime.datetime:
        """An aware datetime from a date string with a time, e.g. `"next:03-04 16:00"`."""
        day_text, _, time_text = text.partition(" ")
        match = TIME.match(time_text)
        if not match:
            raise DemoDateError(f"{text!r}: a moment needs a time, e.g. 'next:03-04 16:00'")
        time = datetime.time(int(match["hour"]), int(match["minute"]))
        return datetime.datetime.combine(
            self._resolve(day_text)[0], time, tzinfo=timezone.get_default_timezone()
        )

    def span(self, first: str, last: str) -> tuple[Day, Day]:
        """A first and last day read together: `last` is read in the academic year `first` fell in,
        so a window from `next:01-11` to `next:03-29` stays one window when January is past."""
        start, year = self._resolve(first.split(" ")[0])
        if year is not None and (match := TERM.match(last.split(" ")[0])):
            end = self._in_year(int(match["month"]), int(match["day"]), year)
        else:
            end = self._resolve(last.split(" ")[0])[0]
        if end < start:
            raise DemoDateError(f"{first!r} to {last!r} ends before it starts")
        return start, end

    def moments(self, first: str, last: str) -> tuple[datetime.datetime, datetime.datetime]:
        """A start and end datetime read together, as `span` reads days."""
        start_day, end_day = self.span(first, last)
        start, end = self.moment(first), self.moment(last)
        return (
            datetime.datetime.combine(start_day, start.timetz()),
            datetime.datetime.combine(end_day, end.timetz()),
        )

    def _resolve(self, text: str) -> tuple[Day, int | None]:
        """The date, and the academic year it was placed in (None for today-relative or absolute)."""
        if match := RELATIVE.match(text):
            return Day.fromordinal(self._relative(match).toordinal()), None
        if match := TERM.match(text):
            month, day = int(match["month"]), int(match["day"])
            offset = int(match["offset"] or 0)
            year = self.academic_year + offset
            found = self._in_year(month, day, year)
            if match["anchor"] == "next" and found < self.today:
                year += 1
            elif match["anchor"] == "last" and found >= self.today:
                year -= 1
            return self._in_year(month, day, year), year
        if ABSOLUTE.match(text):
            return Day.fromisoformat(text), None
        raise DemoDateError(
            f"{text!r} is not a demo date: use '+21d', '-2y', 'ay:03-08', 'next:11-14', 'last:10-08' "
            "or, for history, '2020-09-01'"
        )

    def _relative(self, match: re.Match) -> datetime.date:
        count = int(match["count"]) * (1 if match["sign"] == "+" else -1)
        unit = match["unit"]
        if unit in "dw":
            return self.today + datetime.timedelta(days=count * (7 if unit == "w" else 1))
        months = count * (12 if unit == "y" else 1)
        month_index = self.today.month - 1 + months
        year, month = self.today.year + month_index // 12, month_index % 12 + 1
        return self.today.replace(year=year, month=month, day=min(self.today.day, 28))

    @staticmethod
    def _in_year(month: int, day: int, year: int) -> Day:
        """Month and day as written for the reference academic year, moved to the academic year
        starting in `year` by the whole number of weeks closest to the years between them."""
        written = datetime.date(REFERENCE_YEAR + (month < 9), month, day)
        exact = datetime.date(year, 9, 1) - datetime.date(REFERENCE_YEAR, 9, 1)
        moved = written + datetime.timedelta(weeks=round(exact.days / 7))
        return Day.fromordinal(moved.toordinal())


def academic_year(day: datetime.date) -> int:
    """The year in which the academic year containing `day` starts (it runs September to August)."""
    return day.year if day.month >= 9 else day.year - 1
