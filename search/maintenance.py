"""Rebuilding the indexes and finding drift between the content and an index (used by
`manage.py search_index` and by the demo loader)."""

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from .engines import Engine
from .registry import IndexDocument, all_documents

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Drift:
    """How an index differs from the content: items it lacks, items whose content changed since
    they were indexed, and items it should no longer have."""

    missing: list[str]
    stale: list[str]
    extra: list[str]

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def drift(expected: Mapping[str, str], indexed: Mapping[str, str]) -> Drift:
    """Compare {key: doc_hash} of the content with that of an index."""
    return Drift(
        missing=sorted(expected.keys() - indexed.keys()),
        stale=sorted(k for k in expected.keys() & indexed.keys() if expected[k] != indexed[k]),
        extra=sorted(indexed.keys() - expected.keys()),
    )


def expected_hashes(documents: list[IndexDocument] | None = None) -> dict[str, str]:
    return {d.key: d.doc_hash for d in (documents if documents is not None else all_documents())}


def rebuild(engine: Engine, documents: list[IndexDocument] | None = None) -> int:
    """Rebuild one engine's index from the content; the number of items indexed."""
    return engine.rebuild(documents if documents is not None else all_documents())
