"""Choosing the engine. The database engine is always indexed, because it is the fallback; with
ELASTICSEARCH_URL set, Elasticsearch answers searches and is indexed too, and if it fails (down,
slower than ELASTICSEARCH_TIMEOUT, missing alias, resting after a failure) the database engine
answers instead and the results say so (`fell_back`)."""

import logging
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.conf import settings

from ..contract import SearchQuery, SearchResults
from ..registry import IndexDocument
from .database import MAX_KEYS, DatabaseEngine
from .elastic import ELASTICSEARCH_ERRORS, ClusterResting, ElasticsearchEngine

logger = logging.getLogger(__name__)


class Engine(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]: ...

    def keys(self, query: SearchQuery, limit: int = ...) -> list[str]: ...

    def upsert(self, documents: Sequence[IndexDocument]) -> None: ...

    def delete(self, keys: Sequence[str]) -> None: ...

    def rebuild(self, documents: Iterable[IndexDocument]) -> int: ...

    def indexed_hashes(self) -> dict[str, str]: ...


class FallbackEngine:
    """Elasticsearch first; the database engine whenever Elasticsearch fails."""

    def __init__(self, primary: Engine, fallback: Engine) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def search(self, query: SearchQuery) -> SearchResults:
        try:
            return self.primary.search(query)
        except ELASTICSEARCH_ERRORS as error:
            # While the breaker is open every search lands here: its cause was logged already.
            logger.warning(
                "Search: %s failed, the database engine answered",
                self.primary.name,
                exc_info=not isinstance(error, ClusterResting),
            )
        results = self.fallback.search(query)
        results.fell_back = True
        return results

    def keys(self, query: SearchQuery, limit: int = MAX_KEYS) -> list[str]:
        try:
            return self.primary.keys(query, limit)
        except ELASTICSEARCH_ERRORS:
            logger.warning("Search: %s failed narrowing a listing", self.primary.name, exc_info=True)
        return self.fallback.keys(query, limit)

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]:
        try:
            return self.primary.suggest(text, limit)
        except ELASTICSEARCH_ERRORS:
            logger.warning("Search: %s suggestions failed", self.primary.name, exc_info=True)
        return self.fallback.suggest(text, limit)


def database_engine() -> Engine:
    return DatabaseEngine()


def elasticsearch_engine() -> Engine | None:
    if not settings.ELASTICSEARCH_URL:
        return None
    return ElasticsearchEngine.from_settings()


def search_engine() -> Engine | FallbackEngine:
    """The engine that answers searches."""
    elasticsearch = elasticsearch_engine()
    return FallbackEngine(elasticsearch, database_engine()) if elasticsearch else database_engine()


def index_engines() -> list[Engine]:
    """Every engine that must be kept in step with the content: the database engine first."""
    return [engine for engine in (database_engine(), elasticsearch_engine()) if engine is not None]
