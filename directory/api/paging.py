"""The standard's paging wrapper over one or more sources (services come from support services and
post-16 routes; organizations from the council, its teams, partners and providers). Each source
costs one count and at most one slice query, whatever the page."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class Source:
    """Records (a queryset or a list) and how to turn one into JSON."""

    items: QuerySet | Sequence[Any]
    serialize: Callable[[Any], dict[str, Any]]

    def count(self) -> int:
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)


def paged(sources: Sequence[Source], page: int, per_page: int) -> dict[str, Any]:
    """One page of the sources read one after another, in the Open Referral list wrapper."""
    counts = [source.count() for source in sources]
    total = sum(counts)
    start, end = (page - 1) * per_page, page * per_page
    contents: list[dict[str, Any]] = []
    offset = 0
    for source, count in zip(sources, counts, strict=True):
        low, high = max(start - offset, 0), min(end - offset, count)
        if low < high:
            contents.extend(source.serialize(item) for item in source.items[low:high])
        offset += count
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
