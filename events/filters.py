"""The events listing's and feeds' filters: `type` and `audience` (portal-wide names, as facets),
`month` (2026-07) and `when` (upcoming or past). The same parameters narrow the iCalendar feed,
so a parent subscribes to /events/calendar.ics?type=open-day and gets only open days."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from portal.listings.facets import Facet, FacetedQuery, first_valid
from portal.taxonomy.vocabulary import AUDIENCES

from .dates import Month

PAGE_SIZE = 20
WHEN = {"upcoming": "Upcoming events", "past": "Past events"}
# Each tab's order: soonest first for upcoming events, most recent first for past ones.
EVENT_ORDERS = {"upcoming": ("start", "title"), "past": ("-start", "title")}


def event_facets() -> tuple[Facet, ...]:
    # Imported here so that the choices stay defined once, on the model.
    from .models import EventKind

    return (
        Facet("type", "Type of event", "kind", tuple(EventKind.choices), value_noun="type of event"),
        Facet("audience", "Who it is for", "audiences__code", AUDIENCES, value_noun="audience"),
    )


@dataclass
class EventFilters:
    """Every filter of the listing and the feed, parsed from request parameters; bad values are
    dropped with a message for the listing to show."""

    facets: FacetedQuery
    month: Month | None = None
    when: str = "upcoming"
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "EventFilters":
        facets = FacetedQuery.from_params(event_facets(), params)
        filters = cls(facets, messages=list(facets.messages))
        raw_month = next((value for value in params.getlist("month") if value.strip()), "")
        if raw_month:
            filters.month = Month.parse(raw_month)
            if filters.month is None:
                filters.messages.append(
                    f"“{raw_month[:40]}” is not a month we know (write it like 2026-07), so it was ignored."
                )
        raw_when = params.getlist("when")
        filters.when = first_valid(raw_when, WHEN, "upcoming")
        if raw_when and raw_when[0] not in WHEN:
            filters.messages.append(
                f"“{raw_when[0][:40]}” is not a list we know, so upcoming events are shown."
            )
        return filters

    @property
    def active(self) -> bool:
        return self.facets.active or self.month is not None

    def apply(self, events: QuerySet) -> QuerySet:
        """Events of the ticked types and audiences that happen (at least partly) in the month."""
        return self.apply_month(self.facets.apply(events))

    def apply_month(self, events: QuerySet) -> QuerySet:
        if self.month is None:
            return events
        month_start, month_end = self.month.bounds()
        return events.filter(Q(start__lt=month_end) & Q(end__gt=month_start))

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
