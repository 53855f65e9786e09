"""Faceted filtering over any queryset, shared by every listing and by the database search engine.

Within a facet the ticked values are alternatives (OR); across facets they all apply (AND). Each
facet's counts are computed with every *other* facet applied, so ticking one value never hides the
other values of the same facet. Unknown values are dropped and explained, never an error."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

MAX_VALUES_PER_FACET = 20


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    """A filter on one URL parameter, matched against one ORM lookup path.

    `options` fixes the values and their order; a facet without options (tags) accepts any value of
    up to 100 characters and shows the values found in the results, labelled by `label_lookup`."""

    param: str
    legend: str
    lookup: str
    options: tuple[tuple[str, str], ...] = ()
    label_lookup: str | None = None
    value_noun: str = "value"

    def clean(self, raw: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
        """The valid values (deduplicated, in order) and a message for each value that was ignored."""
        allowed = {value for value, _ in self.options}
        kept: list[str] = []
        ignored: list[str] = []
        for value in raw[: MAX_VALUES_PER_FACET * 2]:
            value = value.strip()
            if not value or value in kept:
                continue
            valid = value in allowed if self.options else len(value) <= 100 and "\x00" not in value
            if valid and len(kept) < MAX_VALUES_PER_FACET:
                kept.append(value)
            else:
                article = "an" if self.value_noun[:1].lower() in "aeiou" else "a"
                ignored.append(
                    f"“{value[:40]}” is not {article} {self.value_noun} we know, so it was ignored."
                )
        return tuple(kept), ignored


@dataclass
class FacetedQuery:
    """The selected values of a set of facets, parsed from request parameters."""

    facets: Sequence[Facet]
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, facets: Sequence[Facet], params: Mapping[str, Any]) -> "FacetedQuery":
        query = cls(facets)
        for facet in facets:
            raw = (
                params.getlist(facet.param)
                if hasattr(params, "getlist")
                else list(params.get(facet.param, ()))
            )
            values, ignored = facet.clean([str(v) for v in raw])
            query.selected[facet.param] = values
            query.messages.extend(ignored)
        return query

    @property
    def active(self) -> bool:
        return any(self.selected.values())

    def apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        """Narrow `queryset` by every facet with values (but `skip`). Subqueries, not joins, so a
        page tagged with two ticked values appears once and no DISTINCT is needed."""
        for facet in self.facets:
            values = self.selected.get(facet.param)
            if facet.param == skip or not values:
                continue
            matching = queryset.model._default_manager.filter(**{f"{facet.lookup}__in": values})
            queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset

    def options(self, facet: Facet, counted: Mapping[str, tuple[int, str]]) -> list[Option]:
        """A facet's options from its counts (value -> (results, label)): fixed options in their
        order, or (tags) the values found, most used first."""
        selected = set(self.selected.get(facet.param, ()))
        if facet.options:
            return [
                Option(value, label, counted[value][0] if value in counted else 0, value in selected)
                for value, label in facet.options
            ]
        ranked = sorted(counted.items(), key=lambda item: (-item[1][0], item[0]))
        options = [
            Option(value, label, n, value in selected)
            for value, (n, label) in ranked[:MAX_VALUES_PER_FACET]
            if n
        ]
        shown = {option.value for option in options}
        # A ticked value with no results must stay on screen so it can be unticked.
        options += [Option(value, value, 0, True) for value in selected - shown]
        return options


@dataclass(frozen=True)
class Sort:
    """One order a listing offers: its label in the "Sort by" menu and its ordering (fields for
    order_by, or a function that orders a queryset)."""

    label: str
    ordering: Sequence[Any] | Callable[[QuerySet], QuerySet]


def first_valid(raw: Iterable[str], allowed: Iterable[str], default: str) -> str:
    """The first value of a single-valued parameter (sort) that is allowed, else the default."""
    allowed = set(allowed)
    return next((value for value in raw if value in allowed), default)


def page_number(raw: Iterable[str]) -> int:
    """A page number from a parameter: anything that is not a small positive whole number is page 1."""
    for value in raw:
        value = value.strip()
        # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
        if value.isascii() and value.isdigit() and len(value) <= 6:
            return max(int(value), 1)
        break
    return 1
