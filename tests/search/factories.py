"""Search test data. Resources are real pages (tests/resources/factories.py); other content types
are plain IndexDocuments handed straight to an engine, so these tests need no other app's models
(placements, events...) and still cover types with dates and places left."""

import datetime
import itertools

from search.registry import IndexDocument

_sequence = itertools.count(1)


def document(
    *,
    title: str,
    search_type: str = "placement",
    type_label: str = "Work placement",
    summary: str = "",
    body: str = "",
    benchmarks: tuple[int, ...] = (),
    key_stages: tuple[str, ...] = (),
    audiences: tuple[str, ...] = (),
    settings: tuple[str, ...] = (),
    tags: tuple[tuple[str, str], ...] = (),
    date: datetime.date | None = None,
    has_places_left: bool | None = None,
    kind: str = "",
) -> IndexDocument:
    n = next(_sequence)
    return IndexDocument(
        key=f"testing.item:{n}",
        search_type=search_type,
        type_label=type_label,
        kind=kind,
        kind_label=kind.capitalize(),
        title=title,
        summary=summary,
        body=body,
        url=f"/testing/{n}/",
        benchmarks=benchmarks,
        key_stages=key_stages,
        audiences=audiences,
        settings=settings,
        tags=tags,
        date=date,
        has_places_left=has_places_left,
    )
