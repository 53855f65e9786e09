"""The directory's filters. Portal-wide names (`q`, `key_stage`, `setting`, `sort`, `page`) plus the
directory's own: `kind` (what it is: a work placement, a workplace visit...), `activity`, `area` (council service area), `team`, `adjustment` (SEND),
`month` (YYYY-MM, repeatable), `from` and `to` (YYYY-MM-DD) and `places_left=yes`.

The date and places filters apply to one window at a time: a placement matches when one of its
open windows is in a chosen month, overlaps the from/to dates and (if asked) has places left, so
"March, with places left" never matches a placement whose only free places are in June.

Months and places left are answered by the directory's facet index, through two derived facets
(placements.models.window_facets) that already pair each month with its places; from/to dates,
which can be any day, and months beyond the index's horizon are answered by the database instead
(placements.models.WindowConditions). This module only reads parameters: no models."""

import calendar
import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from portal.listings.facet_index import Selection
from portal.listings.facets import Facet, Option
from portal.taxonomy.vocabulary import KEY_STAGES, SETTINGS

from .vocabulary import ACTIVITIES, ADJUSTMENTS, KIND_CHOICES, PLACEMENT_KEY_STAGES

PAGE_SIZE = 20
MONTHS_AHEAD = 12  # months offered as filters
MONTHS_INDEXED = 24  # months the index knows: a chosen month beyond them is asked of the database
ANY_MONTH = "any"
MAX_MONTHS = 12
MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# sort parameter value -> label (the orderings are the models' `ordered`, as "soonest" needs a subquery)
SORTS: dict[str, str] = {
    "soonest": "Soonest dates first",
    "title": "Title (A to Z)",
    "team": "Host team (A to Z)",
}


def placement_facets() -> tuple[Facet, ...]:
    return (
        Facet(
            "key_stage",
            "Key stage",
            "key_stages__code",
            tuple(
                (k.code, f"{k.code} ({k.year_groups})") for k in KEY_STAGES if k.code in PLACEMENT_KEY_STAGES
            ),
            value_noun="key stage (KS2 to KS5)",
        ),
        Facet("kind", "What it is", "kind", KIND_CHOICES, value_noun="kind of opportunity"),
        Facet("activity", "What they will do", "activities__code", ACTIVITIES, value_noun="activity"),
        Facet("setting", "Who can take part", "settings__code", SETTINGS, value_noun="setting"),
        Facet(
            "adjustment",
            "SEND adjustments offered",
            "adjustments__code",
            ADJUSTMENTS,
            value_noun="SEND adjustment",
        ),
        Facet(
            "area",
            "Council service area or local employers",
            "host_team__directorate",
            value_noun="service area",
        ),
        Facet("team", "Host team", "host_team__slug", label_lookup="host_team__name", value_noun="host team"),
    )


def month_start(value: str) -> datetime.date | None:
    match = MONTH.match(value.strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


def month_end(start: datetime.date) -> datetime.date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def upcoming_months(on: datetime.date, count: int = MONTHS_AHEAD) -> list[datetime.date]:
    year, month = on.year, on.month
    months = []
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _parse_date(raw: str, name: str, messages: list[str]) -> datetime.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        messages.append(
            f"“{raw[:20]}” is not a date we understand, so the “{name}” date was ignored. Use the format 2027-03-01."
        )
        return None


@dataclass
class WindowFilter:
    """The date and places filters, applied to windows (see the module docstring)."""

    months: tuple[datetime.date, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    places_left: bool = False
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "WindowFilter":
        messages: list[str] = []
        months: list[datetime.date] = []
        for raw in params.getlist("month")[: MAX_MONTHS * 2]:
            start = month_start(raw)
            if start is None:
                messages.append(
                    f"“{raw[:20]}” is not a month we know, so it was ignored. Use the format 2027-03."
                )
            elif start not in months and len(months) < MAX_MONTHS:
                months.append(start)
        date_from = _parse_date(params.get("from", ""), "from", messages)
        date_to = _parse_date(params.get("to", ""), "to", messages)
        if date_from and date_to and date_to < date_from:
            messages.append("The “to” date is before the “from” date, so it was ignored.")
            date_to = None
        return cls(tuple(sorted(months)), date_from, date_to, params.get("places_left") == "yes", messages)

    @property
    def active(self) -> bool:
        return bool(self.months or self.date_from or self.date_to or self.places_left)

    @property
    def indexed(self) -> bool:
        """Whether the facet index answers these conditions: no from/to dates, only months it knows."""
        known = set(upcoming_months(timezone.localdate(), MONTHS_INDEXED))
        return not (self.date_from or self.date_to) and set(self.months) <= known

    @property
    def month_facet(self) -> str:
        return "month_with_places" if self.places_left else "month"

    def derived(self) -> Mapping[str, Sequence[str]]:
        """The derived facet values (see `window_facets`) these conditions tick, when `indexed`."""
        if self.months:
            return {self.month_facet: [f"{start:%Y-%m}" for start in self.months]}
        return {"month_with_places": [ANY_MONTH]} if self.places_left else {}

    def month_options(self, selection: Selection) -> list[Option]:
        """The next months (and any chosen), each with how many placements of `selection` (the
        index's answer, when `indexed`) would match with that month chosen instead."""
        months = self._shown_months()
        counts = selection.counts(self.month_facet, [f"{start:%Y-%m}" for start in months])
        return self._options(months, lambda start: counts[f"{start:%Y-%m}"])

    def _shown_months(self) -> list[datetime.date]:
        return sorted(set(upcoming_months(timezone.localdate())) | set(self.months))

    def options_counted(self, count: Callable[[datetime.date], int]) -> list[Option]:
        """The months offered, each with its count from `count` (the database's answer)."""
        return self._options(self._shown_months(), count)

    def _options(self, months: list[datetime.date], count: Callable[[datetime.date], int]) -> list[Option]:
        return [
            Option(f"{start:%Y-%m}", f"{start:%B %Y}", count(start), start in self.months) for start in months
        ]
