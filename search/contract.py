"""The search contract: a SearchQuery goes in, SearchResults come out, whichever engine answers.

Facet counts follow the portal's rule (portal.listings.facets): values of one facet are
alternatives, facets combine with AND, and each facet is counted with every *other* facet applied,
so ticking one value never hides the others. The same contract is served as JSON at /api/search/
(see search/README.md)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString

from portal.listings.facets import Facet, FacetedQuery, Option, first_valid, page_number

from .registry import search_types
from .text import clean_query_text

PAGE_SIZE = 20
# Elasticsearch pages no deeper than 10,000 results; nobody reads 500 pages of search results.
MAX_PAGE = 10_000 // PAGE_SIZE
SORTS: dict[str, str] = {"relevance": "Most relevant", "newest": "Newest", "title": "Title (A to Z)"}
PLACES_AVAILABLE = "available"


def search_facets() -> tuple[Facet, ...]:
    """The filters of the search page, in the order shown. Benchmark, key stage, audience and
    setting are the resource bank's own definitions, so labels and values match everywhere."""
    from resources.filters import resource_facets

    shared = {facet.param: facet for facet in resource_facets()}
    return (
        Facet("type", "Type of content", "search_type", tuple(search_types()), value_noun="type of content"),
        shared["benchmark"],
        shared["key_stage"],
        shared["audience"],
        shared["setting"],
        Facet("places", "Work placements", "has_places_left", ((PLACES_AVAILABLE, "Has places left"),)),
        Facet("tag", "Tag", "tags", value_noun="tag"),
    )


@dataclass(frozen=True)
class SearchQuery:
    """What to search for. Values are already validated (see `from_params`)."""

    text: str = ""
    types: tuple[str, ...] = ()
    benchmarks: tuple[int, ...] = ()
    key_stages: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    places_left: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @classmethod
    def from_params(cls, params: Any) -> tuple["SearchQuery", list[str]]:
        """A query from request parameters (a QueryDict or a dict of lists) and a message for
        everything that was ignored or changed. Never raises, whatever the input."""
        texts = [t for t in _getlist(params, "q") if t.strip()]
        text, shortened = clean_query_text(texts[0] if texts else "")
        faceted = FacetedQuery.from_params(search_facets(), params)
        messages = list(faceted.messages)
        if shortened:
            messages.insert(0, "Your search was long, so only its beginning was used.")
        selected = faceted.selected
        sort = first_valid(_getlist(params, "sort"), SORTS, "relevance" if text else "newest")
        return (
            cls(
                text=text,
                types=selected["type"],
                benchmarks=tuple(int(v) for v in selected["benchmark"]),
                key_stages=selected["key_stage"],
                audiences=selected["audience"],
                settings=selected["setting"],
                tags=selected["tag"],
                places_left=PLACES_AVAILABLE in selected["places"],
                sort=sort,
                page=min(page_number(_getlist(params, "page")), MAX_PAGE),
            ),
            messages,
        )

    def selected(self) -> dict[str, tuple[str, ...]]:
        """The ticked values by facet parameter, as strings (what the engines filter on)."""
        return {
            "type": self.types,
            "benchmark": tuple(str(n) for n in self.benchmarks),
            "key_stage": self.key_stages,
            "audience": self.audiences,
            "setting": self.settings,
            "places": (PLACES_AVAILABLE,) if self.places_left else (),
            "tag": self.tags,
        }

    @property
    def is_filtered(self) -> bool:
        return any(self.selected().values())

    @property
    def order(self) -> str:
        """The sort that applies: relevance means nothing without words, so newest first."""
        return "newest" if self.sort == "relevance" and not self.text else self.sort

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def _getlist(params: Any, key: str) -> list[str]:
    values = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
    return [str(v) for v in ([values] if isinstance(values, str) else values)]


@dataclass(frozen=True)
class SearchHit:
    """One result, ready to show: plain values and already-escaped highlighted HTML."""

    key: str
    type: str
    type_label: str
    kind: str
    kind_label: str
    title: str
    title_html: SafeString
    url: str
    snippet_html: SafeString
    benchmarks: tuple[int, ...]
    key_stages: tuple[str, ...]
    date: datetime.date | None
    has_places_left: bool | None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "type_label": self.type_label,
            "kind": self.kind or None,
            "kind_label": self.kind_label or None,
            "title": self.title,
            "title_html": str(self.title_html),
            "url": self.url,
            "snippet_html": str(self.snippet_html),
            "benchmarks": list(self.benchmarks),
            "key_stages": list(self.key_stages),
            "date": self.date.isoformat() if self.date else None,
            "has_places_left": self.has_places_left,
        }


@dataclass
class SearchResults:
    """What a search found. `corrected` means unknown words were replaced by `suggestion`'s
    and the hits are for it; `relaxed` means no item had every word, so items with some are shown."""

    query: SearchQuery
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[Option]]
    engine: str
    fell_back: bool = False
    suggestion: str | None = None
    corrected: bool = False
    relaxed: bool = False
    messages: list[str] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.query.page_size))

    def facet_list(self) -> list[tuple[Facet, list[Option]]]:
        """(facet, options) in display order, leaving out facets with nothing to offer."""
        return [
            (facet, options)
            for facet in search_facets()
            if (options := self.facets.get(facet.param)) and any(o.count or o.selected for o in options)
        ]

    def to_json(self) -> dict[str, Any]:
        selected: Mapping[str, tuple[str, ...]] = self.query.selected()
        return {
            "query": {
                "q": self.query.text,
                **{param: list(values) for param, values in selected.items()},
                "sort": self.query.order,
                "page": self.query.page,
            },
            "total": self.total,
            "page": self.query.page,
            "page_size": self.query.page_size,
            "num_pages": self.num_pages,
            "results": [hit.to_json() for hit in self.hits],
            "facets": {
                param: [
                    {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                    for o in options
                ]
                for param, options in self.facets.items()
            },
            "suggestion": self.suggestion,
            "corrected": self.corrected,
            "relaxed": self.relaxed,
            "engine": self.engine,
            "fell_back": self.fell_back,
            "messages": self.messages,
        }
