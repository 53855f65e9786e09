"""Listings served from an in-memory facet index, in a fixed number of queries at any size.

Counting every facet of a listing in SQL takes one GROUP BY per facet over every live item, and
each costs more with every item added. Instead each process keeps,
per listing, which items have each facet value as bitsets (a Python int, bit n = the n-th item in
a sort order), one layout per sort. A request then costs a few ANDs and popcounts for the counts,
picks its page of ids from the set bits, and loads just those rows.

An index is built for a `version` of a listing: the site's content version, which every publish,
unpublish, move and save of the portal's content changes (portal.core.caching). Only live, public
items are ever indexed, because the listing builds it from that queryset. Building one is too slow
for a request at 50,000 items (bench/README.md), so it is done in the background and shared
between processes (portal.listings.index_builds); an index is written to bytes and read back far
faster than it is built."""

import marshal
import time
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet

from .facets import Facet, FacetedQuery, Option

# A sort order: fields for order_by, or a function that orders a queryset (annotations).
Ordering = Sequence[Any] | Callable[[QuerySet], QuerySet]
# Facets no lookup can express, computed by the listing: parameter -> value -> ids of the items.
Derived = Callable[[QuerySet], Mapping[str, Mapping[str, Collection[int]]]]

# How many bits to count at a time when skipping to a deep page.
SKIP_CHUNK = 4096


def bitset(positions: Iterable[int]) -> int:
    """An int with the given bits set (built through bytes: setting bits on an int one by one
    would copy it each time)."""
    positions = list(positions)
    if not positions:
        return 0
    buffer = bytearray((max(positions) >> 3) + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def set_bits(bits: int, start: int, count: int) -> list[int]:
    """Positions of the set bits number `start` to `start + count - 1` (lowest first)."""
    text = format(bits, "b")[::-1]
    seen, position = 0, 0
    while position < len(text):  # skip whole chunks before the wanted bits
        ones = text.count("1", position, position + SKIP_CHUNK)
        if seen + ones > start:
            break
        seen, position = seen + ones, position + SKIP_CHUNK
    found: list[int] = []
    position -= 1
    while len(found) < count:
        position = text.find("1", position + 1)
        if position < 0:
            break
        if seen >= start:
            found.append(position)
        seen += 1
    return found


class FacetFilter:
    """The items passing the ticked values (alternatives within a facet, every facet applied), and
    the same with one facet left out, for that facet's counts. Shared with the search engine's
    bitsets (search/engines/bitsets.py)."""

    def __init__(
        self, universe: int, values: Mapping[str, Mapping[str, int]], selected: Mapping[str, Sequence[str]]
    ) -> None:
        self.universe = universe
        self.chosen: dict[str, int] = {}
        for param, ticked in selected.items():
            if ticked and param in values:
                union = 0
                for value in ticked:
                    union |= values[param].get(value, 0)
                self.chosen[param] = union

    def __call__(self, skip: str | None = None) -> int:
        result = self.universe
        for param, bits in self.chosen.items():
            if param != skip:
                result &= bits
        return result


@dataclass(frozen=True)
class Layout:
    """The items in one sort order and, for each facet value, which of them have it."""

    ids: Sequence[int]  # position (bit) -> id
    values: dict[str, dict[str, int]]  # facet parameter -> value -> bitset

    @cached_property
    def rank(self) -> dict[int, int]:
        """id -> position in this order: only listings narrowed by the database (`within`) need it."""
        return {pk: n for n, pk in enumerate(self.ids)}

    @cached_property
    def everything(self) -> int:
        return (1 << len(self.ids)) - 1

    def positions(self, ids: Iterable[int]) -> int:
        return _positions(self.rank, ids)


def _positions(rank: Mapping[int, int], ids: Iterable[int]) -> int:
    """The bitset of these ids in an order (ids not in it are left out)."""
    return bitset(rank[pk] for pk in ids if pk in rank)


# Bumped whenever what dumps() writes changes: a process never reads another format.
FORMAT = 1


@dataclass(frozen=True)
class FacetIndex:
    """Which live items have which facet values, laid out once per sort order.

    `live`, when set, is the listing's live queryset: the index is an earlier build, served while
    the current one is prepared, so each page's ids are checked against it before they are shown
    (an item unpublished since the build is left out; counts may still include it)."""

    version: str
    layouts: dict[str, Layout]  # sort -> layout
    labels: dict[str, dict[str, str]]  # facet parameter -> value -> label
    built_at: float = 0.0  # when the build began to read the items (time.time())
    live: Callable[[], QuerySet] | None = field(default=None, compare=False)

    @classmethod
    def build(
        cls,
        version: str,
        items: QuerySet,
        facets: Sequence[Facet],
        orderings: Mapping[str, Ordering],
        derived: Derived | None = None,
    ) -> "FacetIndex":
        """Reads the items' ids once, each facet's rows once, the items once per sort order, plus
        what `derived` reads. `items` chooses which items are listed, not which of an item's
        values count: a facet holds every value each listed item has (the listings filter pages
        on their own fields, never on the related rows a facet reads)."""
        started = time.time()
        members: dict[str, Mapping[str, Collection[int]]] = {}
        labels: dict[str, dict[str, str]] = {}
        live = frozenset(items.order_by().values_list("pk", flat=True))
        for facet in facets:
            members[facet.param], labels[facet.param] = _members(items.model, live, facet)
        if derived is not None:
            members.update(derived(items))
        layouts = {}
        for sort, ordering in orderings.items():
            in_order = ordering(items) if callable(ordering) else items.order_by(*ordering)
            ids = tuple(in_order.values_list("pk", flat=True))
            rank = {pk: n for n, pk in enumerate(ids)}
            layouts[sort] = Layout(
                ids=ids,
                values={
                    param: {value: _positions(rank, pks) for value, pks in by_value.items()}
                    for param, by_value in members.items()
                },
            )
        return cls(version=version, layouts=layouts, labels=labels, built_at=started)

    def dumps(self) -> bytes:
        """The index as compact bytes (ids as 64-bit integers, bitsets as their bytes), for the
        shared cache. marshal, not pickle: only plain values, and several times quicker."""
        layouts = {
            sort: (
                array("q", layout.ids).tobytes(),
                {
                    param: {
                        value: bits.to_bytes((bits.bit_length() + 7) // 8, "little")
                        for value, bits in by_value.items()
                    }
                    for param, by_value in layout.values.items()
                },
            )
            for sort, layout in self.layouts.items()
        }
        return zlib.compress(marshal.dumps((FORMAT, self.version, self.built_at, self.labels, layouts)), 1)

    @classmethod
    def loads(cls, data: bytes) -> "FacetIndex | None":
        """An index written by dumps(), or None when `data` is not one in this format."""
        try:
            fmt, version, built_at, labels, layouts = marshal.loads(zlib.decompress(data))  # noqa: S302 - our own cache entry
        except (ValueError, TypeError, EOFError, zlib.error):
            return None
        if fmt != FORMAT:
            return None
        loaded = {}
        for sort, (ids, values) in layouts.items():
            positions = array("q")
            positions.frombytes(ids)
            loaded[sort] = Layout(
                ids=positions,
                values={
                    param: {value: int.from_bytes(bits, "little") for value, bits in by_value.items()}
                    for param, by_value in values.items()
                },
            )
        return cls(version=version, layouts=loaded, labels=labels, built_at=built_at)

    def select(
        self,
        query: FacetedQuery,
        sort: str,
        within: Iterable[int] | None = None,
        derived: Mapping[str, Sequence[str]] | None = None,
    ) -> "Selection":
        """The items `query` matches (and, if given, that are among the ids `within` and have the
        `derived` facet values ticked), with every facet's counts: each facet counted with every
        *other* facet's ticked values applied."""
        layout = self.layouts[sort]
        universe = layout.everything if within is None else layout.positions(within)
        passing = FacetFilter(universe, layout.values, {**query.selected, **(derived or {})})
        facets = {}
        for facet in query.facets:
            if facet.param not in layout.values:
                continue
            base = passing(facet.param)
            counted = {
                value: ((base & bits).bit_count(), self.labels[facet.param].get(value, value))
                for value, bits in layout.values[facet.param].items()
            }
            facets[facet.param] = query.options(facet, counted)
        return Selection(layout=layout, matching=passing(), facets=facets, passing=passing, live=self.live)


@dataclass(frozen=True)
class Selection:
    layout: Layout
    matching: int
    facets: dict[str, list[Option]]
    passing: FacetFilter
    live: Callable[[], QuerySet] | None = None

    @property
    def provisional(self) -> bool:
        """Answered from an earlier build while the current one is prepared: right for now, but
        not to be kept as the page for this content version (see portal.core.caching.provisional)."""
        return self.live is not None

    def counts(self, param: str, values: Iterable[str]) -> dict[str, int]:
        """How many items would match with each of `values` of the facet `param` ticked instead
        of its current values (for derived facets, which the listing presents itself)."""
        base, by_value = self.passing(param), self.layout.values.get(param, {})
        return {value: (base & by_value.get(value, 0)).bit_count() for value in values}

    @property
    def total(self) -> int:
        return self.matching.bit_count()

    def ids(self, start: int, count: int) -> list[int]:
        return [self.layout.ids[position] for position in set_bits(self.matching, start, count)]

    def page(self, number: int, per_page: int, fetch: "Fetch") -> Page:
        """One page of results as Django's Page (for the pagination component): `fetch` turns
        only that page's ids into what the listing shows (`rows(...)`, or rendered cards)."""
        if self.live is not None:
            fetch = _only_live(fetch, self.live)
        return Paginator(_Results(self, fetch), per_page).get_page(number)


# Turns a page of ids into the items to show, in the same order (missing ones left out).
Fetch = Callable[[list[int]], list[Any]]


def rows(model: type[Model], load: Callable[[QuerySet], QuerySet]) -> Fetch:
    """A Fetch of model rows, through `load` (which selects and prefetches what is shown)."""

    def fetch(ids: list[int]) -> list[Any]:
        found = {item.pk: item for item in load(model._default_manager.filter(pk__in=ids))}
        return [found[pk] for pk in ids if pk in found]

    return fetch


def _only_live(fetch: Fetch, live: Callable[[], QuerySet]) -> Fetch:
    """`fetch`, showing only the ids still in the live queryset (one query for the page)."""

    def checked(ids: list[int]) -> list[Any]:
        still = set(live().filter(pk__in=ids).values_list("pk", flat=True))
        return fetch([pk for pk in ids if pk in still])

    return checked


class _Results(Sequence):
    """The matching items as a sequence Paginator can slice: only a slice is fetched."""

    def __init__(self, selection: Selection, fetch: Fetch) -> None:
        self.selection, self.fetch = selection, fetch

    def __len__(self) -> int:
        return self.selection.total

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        return self.fetch(self.selection.ids(start, max(stop - start, 0)))


def _members(
    model: type[Model], live: frozenset[int], facet: Facet
) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Which of the `live` items have each value of `facet`, and each value's label. The rows are
    read for every item of the model and kept only for the live ones: asking the database for the
    listing's items would join the page table (live, place in the tree, privacy) once per facet,
    which at 50,000 items costs more than the facet itself (bench/README.md)."""
    keys = [facet.lookup] + ([facet.label_lookup] if facet.label_lookup else [])
    members: dict[str, list[int]] = defaultdict(list)
    labels: dict[str, str] = {}
    rows = (
        model._base_manager.order_by().filter(**{f"{facet.lookup}__isnull": False}).values_list("pk", *keys)
    )
    for pk, value, *label in rows.distinct():
        if pk in live:
            members[str(value)].append(pk)
            labels.setdefault(str(value), str(label[0] if label else value))
    return dict(members), labels


@dataclass(frozen=True)
class Listing:
    """What one listing's index is built from: its `name` (unique per listing page), the
    `version` of the content it should reflect, the live `items`, its facets and sort orders,
    and the facets no lookup can express (`derived`)."""

    name: str
    version: str
    items: Callable[[], QuerySet]
    facets: Sequence[Facet]
    orderings: Mapping[str, Ordering]
    derived: Derived | None = None

    def build(self) -> FacetIndex:
        return FacetIndex.build(self.version, self.items(), self.facets, self.orderings, self.derived)
