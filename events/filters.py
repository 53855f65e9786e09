"""The events listing's and feeds' filters: `type` and `audience` (portal-wide names, as facets),
`month` (2026-07) and `when` (upcoming or past). The same parameters narrow the iCalendar feed,
so a parent subscribes to /events/calendar.ics?type=open-day and gets only open days."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.listings.facet_index import Selection
from portal.listings.facets import Facet, FacetedQuery, Sort, first_valid
from portal.taxonomy.vocabulary import AUDIENCES

from .dates import Month
from .vocabulary import EventKind

PAGE_SIZE = 20
WHEN = {"upcoming": "Upcoming events", "past": "Past events"}
# Each tab's order: soonest first for upcoming events, most recent first for past ones.
SORTS: dict[str, Sort] = {
    "upcoming": Sort(WHEN["upcoming"], ("start", "title")),
    "past": Sort(WHEN["past"], ("-start", "title")),
}


def event_facets() -> tuple[Facet, ...]:
    return (
        Facet("type", "Type of event", "kind", tuple(EventKind.choices), value_noun="type of event"),
        Facet("audience", "Who it is for", "audiences__code", AUDIENCES, value_noun="audience"),
    )


def month_of(params: Mapping[str, Any], messages: list[str]) -> Month | None:
    """The `month` filter (2026-07), or None; a value that is not a month adds a message."""
    raw_month = next((value for value in params.getlist("month") if value.strip()), "")
    if not raw_month:
        return None
    month = Month.parse(raw_month)
    if month is None:
        messages.append(
            f"“{raw_month[:40]}” is not a month we know (write it like 2026-07), so it was ignored."
        )
    return month


def in_month(events: QuerySet, month: Month | None) -> QuerySet:
    """Events that happen (at least partly) in `month`."""
    if month is None:
        return events
    month_start, month_end = month.bounds()
    return events.filter(Q(start__lt=month_end) & Q(end__gt=month_start))


@dataclass
class EventTab:
    """The listing's tab (upcoming or past events) and month: a refinement of the events listing
    (portal.listings.listing), narrowing in the database. A bad `when` is the listing's message."""

    when: str = "upcoming"
    month: Month | None = None
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "EventTab":
        messages: list[str] = []
        month = month_of(params, messages)
        return cls(first_valid(params.getlist("when"), WHEN, "upcoming"), month, messages)

    @property
    def active(self) -> bool:
        return self.month is not None

    def in_tab(self, events: QuerySet) -> QuerySet:
        now = timezone.now()
        return events.filter(end__lt=now) if self.when == "past" else events.filter(end__gte=now)

    def narrow(self, events: QuerySet) -> QuerySet:
        return in_month(self.in_tab(events), self.month)

    def derived(self) -> Mapping[str, Sequence[str]]:
        return {}

    def context(self, selection: Selection, query: FacetedQuery, events: QuerySet) -> dict[str, Any]:
        """The tabs, and the months the month filter offers: those with events in the tab (and
        the chosen one)."""
        starts = self.in_tab(events).datetimes("start", "month", tzinfo=timezone.get_default_timezone())
        months = {Month.of(moment) for moment in starts} | ({self.month} if self.month else set())
        return {
            "tab": self,
            "months": sorted(months, reverse=self.when == "past"),
            "when_options": WHEN,
        }


@dataclass
class EventFilters:
    """The filters of the iCalendar feed (the listing's, but for the tabs), parsed from request
    parameters; bad values are dropped."""

    facets: FacetedQuery
    month: Month | None = None
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "EventFilters":
        facets = FacetedQuery.from_params(event_facets(), params)
        messages = list(facets.messages)
        return cls(facets, month_of(params, messages), messages)

    @property
    def active(self) -> bool:
        return self.facets.active or self.month is not None

    def apply(self, events: QuerySet) -> QuerySet:
        """Events of the ticked types and audiences that happen (at least partly) in the month."""
        return in_month(self.facets.apply(events), self.month)

    def feed_params(self) -> dict[str, Any]:
        """The filters as query parameters for the iCalendar feed (which has no `when` or `page`)."""
        params: dict[str, Any] = {key: list(values) for key, values in self.facets.selected.items() if values}
        if self.month is not None:
            params["month"] = str(self.month)
        return params

    def describe(self) -> str:
        """The filters in words, for the feed's name, e.g. "Open days, Parents and carers"."""
        labels = [
            label
            for facet in self.facets.facets
            for value, label in facet.options
            if value in self.facets.selected.get(facet.param, ())
        ]
        if self.month is not None:
            labels.append(self.month.label)
        return ", ".join(labels)
