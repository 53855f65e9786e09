"""The directory's filters. Portal-wide names (`q`, `key_stage`, `setting`, `sort`, `page`) plus the
directory's own: `kind` (what it is: a work placement, a workplace visit...), `activity`, `area` (council service area), `team`, `adjustment` (SEND),
`month` (YYYY-MM, repeatable), `from` and `to` (YYYY-MM-DD) and `places_left=yes`.

The date and places filters apply to one window at a time: a placement matches when one of its
open windows is in a chosen month, overlaps the from/to dates and (if asked) has places left, so
"March, with places left" never matches a placement whose only free places are in June.

Months and places left are answered by the directory's facet index, through two derived facets
(`window_facets`) that already pair each month with its places; from/to dates, which can be any
day, and months beyond the index's horizon are answered by the database instead."""

import calendar
import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from portal.core.caching import content_version
from portal.listings.facet_index import FacetIndex, Listing, Selection, facet_index
from portal.listings.facets import Facet, Option, first_valid
from portal.taxonomy.vocabulary import KEY_STAGES, SETTINGS

from .models import PlacementIndexPage, WindowCapacity, today
from .vocabulary import ACTIVITIES, ADJUSTMENTS, KIND_CHOICES, PLACEMENT_KEY_STAGES

PAGE_SIZE = 20
MONTHS_AHEAD = 12  # months offered as filters
MONTHS_INDEXED = 24  # months the index knows: a chosen month beyond them is asked of the database
ANY_MONTH = "any"
MAX_MONTHS = 12
MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# sort parameter value -> label (the ordering is built in `ordered`, as "soonest" needs a subquery)
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


def placement_listing(index: PlacementIndexPage) -> Listing:
    """What the directory's facet index is built from. The date is part of its version: listings
    expire and windows close as days pass, with nothing saved."""
    return Listing(
        f"placements:{index.pk}",
        f"{content_version()}:{today()}",
        index.live_placements,
        placement_facets(),
        {sort: partial(ordered, sort=sort) for sort in SORTS},
        window_facets,
    )


def placement_index(index: PlacementIndexPage) -> FacetIndex:
    return facet_index(placement_listing(index))


def window_facets(placements: QuerySet) -> dict[str, dict[str, list[int]]]:
    """The index's derived facets: `month` -> the placements with an open window in that month;
    `month_with_places` -> the same, counting only windows with places left, and under `any`
    the placements with any such window."""
    months = [
        (f"{start:%Y-%m}", start, month_end(start)) for start in upcoming_months(today(), MONTHS_INDEXED)
    ]
    windows = WindowCapacity.objects.open().filter(page__in=placements.values("pk"))
    free = set(windows.with_places_left().values_list("pk", flat=True))
    in_month: dict[str, list[int]] = defaultdict(list)
    with_places: dict[str, list[int]] = defaultdict(list)
    for pk, page, first, last in windows.values_list("pk", "page_id", "start_date", "end_date"):
        for key, start, end in months:
            if first <= end and last >= start:
                in_month[key].append(page)
                if pk in free:
                    with_places[key].append(page)
        if pk in free:
            with_places[ANY_MONTH].append(page)
    return {"month": dict(in_month), "month_with_places": dict(with_places)}


def sort_from_params(params: Mapping[str, Any]) -> str:
    return first_valid(params.getlist("sort"), SORTS, "soonest")


def ordered(placements: QuerySet, sort: str) -> QuerySet:
    if sort == "title":
        return placements.order_by("title", "pk")
    if sort == "team":
        return placements.order_by("host_team__name", "title", "pk")
    next_start = (
        WindowCapacity.objects.open().filter(page=OuterRef("pk")).order_by("start_date").values("start_date")
    )
    return placements.annotate(next_start=Subquery(next_start[:1])).order_by("next_start", "title", "pk")


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
        known = set(upcoming_months(today(), MONTHS_INDEXED))
        return not (self.date_from or self.date_to) and set(self.months) <= known

    @property
    def month_facet(self) -> str:
        return "month_with_places" if self.places_left else "month"

    def derived(self) -> dict[str, list[str]]:
        """The derived facet values (see `window_facets`) these conditions tick, when `indexed`."""
        if self.months:
            return {self.month_facet: [f"{start:%Y-%m}" for start in self.months]}
        return {"month_with_places": [ANY_MONTH]} if self.places_left else {}

    def windows(self, *, with_months: bool = True) -> QuerySet[WindowCapacity]:
        """Open windows meeting every date and places condition (optionally ignoring months)."""
        windows = WindowCapacity.objects.open()
        if self.places_left:
            windows = windows.with_places_left()
        if self.date_from:
            windows = windows.filter(end_date__gte=self.date_from)
        if self.date_to:
            windows = windows.filter(start_date__lte=self.date_to)
        if with_months and self.months:
            in_a_month = Q()
            for start in self.months:
                in_a_month |= Q(start_date__lte=month_end(start), end_date__gte=start)
            windows = windows.filter(in_a_month)
        return windows

    def apply(self, placements: QuerySet) -> QuerySet:
        if not self.active:
            return placements
        return placements.filter(pk__in=self.windows().values("page_id"))

    def month_options(self, selection: Selection) -> list[Option]:
        """The next months (and any chosen), each with how many placements of `selection` (the
        index's answer, when `indexed`) would match with that month chosen instead."""
        months = self._shown_months()
        counts = selection.counts(self.month_facet, [f"{start:%Y-%m}" for start in months])
        return self._options(months, lambda start: counts[f"{start:%Y-%m}"])

    def month_options_from_database(self, placements: QuerySet) -> list[Option]:
        """The same, when the database answers: how many of `placements` have a matching window
        in each month (one query)."""
        rows = self.windows(with_months=False).filter(page__in=placements.values("pk"))
        spans = list(rows.values_list("page_id", "start_date", "end_date"))

        def count(start: datetime.date) -> int:
            end = month_end(start)
            return len({page for page, first, last in spans if first <= end and last >= start})

        return self._options(self._shown_months(), count)

    def _shown_months(self) -> list[datetime.date]:
        return sorted(set(upcoming_months(today())) | set(self.months))

    def _options(self, months: list[datetime.date], count: Callable[[datetime.date], int]) -> list[Option]:
        return [
            Option(f"{start:%Y-%m}", f"{start:%B %Y}", count(start), start in self.months) for start in months
        ]
