"""The Elasticsearch engine (elasticsearch-dsl over `elasticsearch.dsl`).

Searches go to an alias, `<ELASTICSEARCH_INDEX_PREFIX>-search-v<MAPPING_VERSION>`, so every
environment sharing a cluster has its own index and a rebuild fills a new index before the alias moves to it (no
moment with an empty or half-built index). Only a rebuild creates an index: writes must go
through the alias (`require_alias`), so a missing alias makes writes fail and searches fall back
instead of an empty index quietly answering. Results come back as keys; the database loads what
to show (engines/hits.py). Facets are elasticsearch-dsl's FacetedSearch: each facet's aggregation
is filtered by every *other* facet and the selection itself is a post_filter, so ticking a value
keeps its siblings' counts.

Text is matched on the stems search/text.py computes, the same as the database engine (see
search/documents.py), and queries are built from the same parsed clauses.

Two clients share one connection pool: searches wait ELASTICSEARCH_TIMEOUT and never retry (the
database engine answers instead); writes (indexing, rebuilds, alias changes, scans) wait
ELASTICSEARCH_WRITE_TIMEOUT and retry. After a connection error or a timeout a process leaves the
cluster alone for ELASTICSEARCH_RETRY_AFTER seconds (a circuit breaker), so a hung cluster costs
one timeout per process, not one per search or publish."""

import contextlib
import datetime
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import FacetedSearch, Index, Q, Search, TermsFacet
from elasticsearch.dsl.exceptions import ElasticsearchDslException
from elasticsearch.dsl.faceted_search import FacetedResponse
from elasticsearch.dsl.query import MatchAll, Query
from elasticsearch.helpers import BulkIndexError, ScanError

from portal.listings.facets import MAX_VALUES_PER_FACET, Option

from ..contract import PLACES_AVAILABLE, SearchQuery, SearchResults, search_facets
from ..documents import SearchDocument
from ..models import SearchEntryTag
from ..registry import IndexDocument, all_documents, search_types
from ..text import Clause, ParsedQuery, corrected_text, fold, parse, stem, words
from .database import MAX_KEYS, MIN_CORRECTABLE_LENGTH, tag_options
from .hits import load_hits

logger = logging.getLogger(__name__)


class ClusterResting(Exception):
    """The circuit breaker is open: Elasticsearch failed moments ago, so this process does not
    ask it again until the pause is over."""


# Anything the client, the bulk and scan helpers, the cluster or the breaker can throw: a search
# falls back to the database engine; `search_index` reports it.
ELASTICSEARCH_ERRORS = (
    ApiError,
    TransportError,
    ElasticsearchDslException,
    BulkIndexError,
    ScanError,
    ClusterResting,
)
# Statuses that mean the cluster cannot serve at all (overloaded, or a proxy in front gave up).
UNAVAILABLE_STATUSES = frozenset({429, 502, 503, 504})
# Part of the alias: bump it whenever SearchDocument's mapping, or what its fields hold, changes.
# New code then looks for an alias that does not exist yet, so its searches fall back to the
# database (and its writes fail, logged) until `search_index --rebuild` fills a new index, instead
# of querying an index built for other code and quietly finding nothing.
MAPPING_VERSION = 3
WRITE_RETRIES = 3
BULK_CHUNK = 500

# Facet parameter -> document field.
FACET_FIELDS = {
    "type": "search_type",
    "benchmark": "benchmarks",
    "key_stage": "key_stages",
    "audience": "audiences",
    "setting": "settings",
    "places": "has_places_left",
    "tag": "tags",
}
MATCH_FIELD = "all_stems"
BOOSTED_FIELDS = ["title_stems^4", "summary_stems^2", "labels_stems", "body_stems"]
# Fuzzy words expand to at most this many indexed terms (Elasticsearch's default is 50): with
# up to 12 words the whole query stays far below the cluster's clause limit.
MAX_EXPANSIONS = 10
# The database engine's typo rule: no edit below 4 letters, 1 up to 5, 2 from 6.
FUZZINESS = f"AUTO:{MIN_CORRECTABLE_LENGTH},6"
NEWEST = {"date": {"order": "desc", "missing": "_last"}}
SORTS: dict[str, list[Any]] = {
    "relevance": ["_score", NEWEST, "key"],
    "newest": [NEWEST, "title.sort", "key"],
    "title": ["title.sort", "key"],
}


# The circuit breaker ---------------------------------------------------------------------


class CircuitBreaker:
    """Per process and cluster. Closed: every call goes through. After a connection error or a
    timeout it opens: calls fail at once (ClusterResting) for `pause` seconds. Then one call is
    let through as a trial; its success closes the breaker, its failure opens it again. Any
    answer from the cluster, even an error such as a missing index, counts as success."""

    def __init__(self, pause: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.pause = pause
        self.clock = clock
        self._lock = threading.Lock()
        self._open_until: float | None = None
        self._trial_running = False

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def _admit(self) -> None:
        with self._lock:
            if self._open_until is None:
                return
            if self._trial_running or self.clock() < self._open_until:
                raise ClusterResting("Elasticsearch failed recently; not asking it again yet")
            self._trial_running = True

    def _record(self, failed: bool) -> None:
        with self._lock:
            self._trial_running = False
            self._open_until = self.clock() + self.pause if failed else None

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        self._admit()
        try:
            yield
        except BaseException as error:
            self._record(failed=trips_breaker(error))
            raise
        self._record(failed=False)


def trips_breaker(error: BaseException) -> bool:
    """Connection errors and timeouts (the cluster is down or hung), and statuses saying it
    cannot serve. A missing index, a bad request or a failed document is an answer."""
    if isinstance(error, TransportConnectionError | ConnectionTimeout):
        return True
    return isinstance(error, ApiError) and error.meta.status in UNAVAILABLE_STATUSES


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(url: str, pause: float) -> CircuitBreaker:
    """The process's breaker for one cluster (every engine object for it shares the state)."""
    with _breakers_lock:
        breaker = _breakers.get(url)
        if breaker is None or breaker.pause != pause:
            breaker = _breakers[url] = CircuitBreaker(pause)
        return breaker


@functools.cache
def client_for(url: str) -> Elasticsearch:
    """One client (and connection pool) per process and cluster; the engine derives its search
    and write clients from it with their own timeouts and retries."""
    return Elasticsearch(url)


# Queries ---------------------------------------------------------------------------------


def clause_query(clause: Clause) -> Query:
    """One clause on the stems: a typed word fuzzily (as the database engine corrects typos), a
    synonym group as any of its phrases, a quoted phrase as that phrase."""
    phrases = [" ".join(phrase) for phrase in clause.alternatives]
    word = clause.words[0]
    if not clause.exact and clause.group is None and len(phrases) == 1 and " " not in phrases[0]:
        fuzzy = word.isalpha() and len(word) >= MIN_CORRECTABLE_LENGTH
        options = {"fuzziness": FUZZINESS, "prefix_length": 1, "max_expansions": MAX_EXPANSIONS}
        return Q("match", **{MATCH_FIELD: {"query": phrases[0], **(options if fuzzy else {})}})
    queries = [Q("match_phrase", **{MATCH_FIELD: phrase}) for phrase in phrases]
    return queries[0] if len(queries) == 1 else Q("bool", should=queries, minimum_should_match=1)


def text_query(parsed: ParsedQuery) -> Query:
    """The text part of a search, built only from the parsed clauses (stems of at most 60
    characters, stop words dropped, at most 12 clauses): user text never reaches a query parser,
    and a stop word or an over-long word adds no clause at all. Quoted phrases must all match;
    of the other clauses up to three must all match, of more three in four (typed sentences)."""
    free = [clause for clause in parsed.clauses if not clause.exact]
    must = [clause_query(clause) for clause in parsed.clauses if clause.exact]
    should = []
    if free:
        must.insert(0, Q("bool", should=[clause_query(c) for c in free], minimum_should_match="3<75%"))
        typed = " ".join(stem(w) for clause in free for w in clause.words)
        should = [
            Q("multi_match", query=typed, fields=BOOSTED_FIELDS, type="best_fields", operator="and"),
            Q("multi_match", query=typed, fields=BOOSTED_FIELDS, type="phrase", slop=2, boost=2),
        ]
    return Q("bool", must=must, should=should)


def typed_words(parsed: ParsedQuery) -> str:
    """The unquoted words as typed (stop words and over-long words already left out), for the
    spelling suggester."""
    return " ".join(w for clause in parsed.clauses if not clause.exact for w in clause.words)


def facet_filters(query: SearchQuery) -> dict[str, list[Any]]:
    """Ticked values in the types the index holds (benchmarks are numbers, places a boolean)."""
    filters: dict[str, list[Any]] = {}
    for param, values in query.selected().items():
        if param == "benchmark":
            filters[param] = [int(v) for v in values]
        elif param == "places":
            filters[param] = [True] if PLACES_AVAILABLE in values else []
        else:
            filters[param] = list(values)
    return {param: values for param, values in filters.items() if values}


class PortalFacetedSearch(FacetedSearch):
    """The portal's search as an elasticsearch-dsl faceted search over the alias."""

    fields = BOOSTED_FIELDS
    facets = {
        param: TermsFacet(field=field, size=MAX_VALUES_PER_FACET if param == "tag" else 50)
        for param, field in FACET_FIELDS.items()
    }

    def __init__(self, client: Elasticsearch, alias: str, query: SearchQuery, parsed: ParsedQuery) -> None:
        self.using = client
        self.index = alias
        self.parsed = parsed
        self.portal_query = query
        super().__init__(query.text if parsed.has_terms else None, filters=facet_filters(query))
        self._s = self._s[query.offset : query.offset + query.page_size]
        if spelling := typed_words(parsed):
            self._s = self._s.suggest(
                "spelling",
                spelling,
                term={"field": "spelling", "suggest_mode": "missing", "min_word_length": 4},
            )

    def search(self) -> Search:
        return (
            Search(using=self.using, index=self.index)
            .extra(track_total_hits=True)
            .response_class(FacetedResponse)
        )

    def query(self, search: Search, query: Any) -> Search:
        return search.query(text_query(self.parsed))

    def aggregate(self, search: Search) -> None:
        """The facets, plus the ticked tags counted on their own: the tag facet lists only the
        20 most used, and a ticked tag outside them still needs its count."""
        super().aggregate(search)
        if ticked := list(self.portal_query.tags):
            others: Query = MatchAll()
            for param, condition in self._filters.items():
                if param != "tag":
                    others &= condition
            search.aggs.bucket("_ticked_tag", "filter", filter=others).bucket(
                "tag", "terms", field="tags", include=ticked, size=len(ticked)
            )

    def highlight(self, search: Search) -> Search:
        # Matching is on stems; the database highlights the words as written (engines/hits.py).
        return search

    def sort(self, search: Search) -> Search:
        return search.sort(*SORTS[self.portal_query.order])

    def to_dict(self) -> dict[str, Any]:
        return self._s.to_dict()


# The engine ------------------------------------------------------------------------------


class Held(NamedTuple):
    """What the index holds for one key, with its version for optimistic concurrency control."""

    doc_hash: str
    seq_no: int
    primary_term: int


@dataclass
class Answer:
    """What Elasticsearch answered, before the database loads the hits to show."""

    keys: list[str]
    total: int
    facets: dict[str, list[Option]]
    corrections: dict[str, str]


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        prefix: str,
        timeout: float = 1.0,
        replicas: int = 0,
        write_timeout: float = 30.0,
        retry_after: float = 30.0,
        client: Elasticsearch | None = None,
    ) -> None:
        base = client or client_for(url)
        self.client = base.options(request_timeout=timeout, max_retries=0, retry_on_timeout=False)
        self.write_client = base.options(
            request_timeout=write_timeout, max_retries=WRITE_RETRIES, retry_on_timeout=True
        )
        self.write_timeout = write_timeout
        self.breaker = breaker_for(url, retry_after)
        self.alias = f"{prefix}-search-v{MAPPING_VERSION}"
        self.replicas = replicas

    @classmethod
    def from_settings(cls, **overrides: Any) -> "ElasticsearchEngine":
        options: dict[str, Any] = {
            "url": settings.ELASTICSEARCH_URL,
            "prefix": settings.ELASTICSEARCH_INDEX_PREFIX,
            "timeout": settings.ELASTICSEARCH_TIMEOUT,
            "replicas": settings.ELASTICSEARCH_REPLICAS,
            "write_timeout": settings.ELASTICSEARCH_WRITE_TIMEOUT,
            "retry_after": settings.ELASTICSEARCH_RETRY_AFTER,
        }
        return cls(**(options | overrides))

    # Indexing ---------------------------------------------------------------------------

    def index_definition(self, name: str) -> Index:
        index = Index(name, using=self.write_client)
        index.settings(number_of_shards=1, number_of_replicas=self.replicas)
        index.document(SearchDocument)
        return index

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    @staticmethod
    def _source(document: IndexDocument) -> dict[str, Any]:
        return SearchDocument.from_index_document(document).to_dict()

    def _actions(self, index: str, documents: Iterable[IndexDocument]) -> Iterator[dict[str, Any]]:
        for document in documents:
            yield {"_index": index, "_id": document.key, "_source": self._source(document)}

    def _bulk(
        self, actions: Iterable[dict[str, Any]], *, to_alias: bool, ignore: tuple[int, ...] = ()
    ) -> int:
        """Send `actions` in chunks with the write client; documents refused with 429 are
        retried with a backoff. Any failed action raises BulkIndexError, except for `ignore`d
        statuses. Writes to the alias require it to be an alias, so none can create an index."""
        count, failed = 0, []
        # raise_on_error=False: with True the helper raises before it retries a refused document.
        for ok, item in helpers.streaming_bulk(
            self.write_client,
            actions,
            chunk_size=BULK_CHUNK,
            max_retries=WRITE_RETRIES,
            raise_on_error=False,
            **({"require_alias": True} if to_alias else {}),
        ):
            if ok:
                count += 1
            elif next(iter(item.values())).get("status") not in ignore:
                failed.append(item)
        if failed:
            raise BulkIndexError(f"{len(failed)} document(s) failed to index.", failed)
        return count

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        with self.breaker.guard():
            self._bulk(self._actions(self.alias, documents), to_alias=True)

    def delete(self, keys: Sequence[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]
        with self.breaker.guard():
            # A key that was never indexed (404) is not an error; anything else is.
            self._bulk(actions, to_alias=True, ignore=(404,))

    def rebuild(
        self,
        documents: Iterable[IndexDocument],
        current: Callable[[], Iterable[IndexDocument]] | None = all_documents,
    ) -> int:
        """Fill a new index, then in one atomic step move the alias to it and delete the old
        index, then catch up with what changed meanwhile: writes during the rebuild went to the
        old index, so the new one is compared with `current()` (the content now) and
        corrected. A rebuild that fails deletes its own index; the alias stays where it was."""
        with self.breaker.guard():
            name = self._new_index_name()
            try:
                self.index_definition(name).create()
                count = self._bulk(self._actions(name, documents), to_alias=False)
                self.write_client.indices.refresh(index=name)
                self._swap(name)
            except BaseException:
                self._delete_index(name)
                raise
            if current is not None:
                self.catch_up(current())
            return count

    def _swap(self, name: str) -> None:
        """Point the alias at `name` alone. `remove_index` makes the old index go in the same
        atomic step; if a concurrent rebuild already removed it, or already added its own write
        index, the whole step fails and this rebuild cleans up instead of leaving the alias
        over two indices."""
        old = self._indices_behind_alias()
        try:
            self.write_client.indices.update_aliases(
                actions=[{"add": {"index": name, "alias": self.alias, "is_write_index": True}}]
                + [{"remove_index": {"index": index}} for index in old]
            )
        except ELASTICSEARCH_ERRORS:
            # A swap retried after a timeout fails if its first attempt went through (the old
            # index is gone): then the alias is already where it should be.
            if self._indices_behind_alias() != [name]:
                raise

    def _indices_behind_alias(self) -> list[str]:
        try:
            return list(self.write_client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def _delete_index(self, name: str) -> None:
        try:
            self.write_client.options(ignore_status=404).indices.delete(index=name)
        except ELASTICSEARCH_ERRORS:
            logger.exception("Search: could not delete the unfinished index %s", name)

    def catch_up(self, documents: Iterable[IndexDocument]) -> int:
        """Make the index match `documents`: add the missing, replace the stale, delete the
        extra; the number of changes. Each change is conditional on the version read (or, for a
        new key, on there being none), so a newer write that lands meanwhile is never undone:
        its version conflict (409) is skipped."""
        held = self._held()
        wanted: set[str] = set()

        def actions() -> Iterator[dict[str, Any]]:
            for document in documents:
                wanted.add(document.key)
                version = held.get(document.key)
                if version is None:
                    yield {"_op_type": "create", "_index": self.alias, "_id": document.key} | {
                        "_source": self._source(document)
                    }
                elif version.doc_hash != document.doc_hash:
                    yield self._conditional("index", document.key, version) | {
                        "_source": self._source(document)
                    }
            for key in held.keys() - wanted:
                yield self._conditional("delete", key, held[key])

        changes = self._bulk(actions(), to_alias=True, ignore=(404, 409))
        if changes:
            logger.info("Search: caught up %d changes made during the rebuild", changes)
        return changes

    def _conditional(self, op_type: str, key: str, version: Held) -> dict[str, Any]:
        return {
            "_op_type": op_type,
            "_index": self.alias,
            "_id": key,
            "if_seq_no": version.seq_no,
            "if_primary_term": version.primary_term,
        }

    def _held(self) -> dict[str, Held]:
        try:
            hits = helpers.scan(
                self.write_client,
                index=self.alias,
                _source=["doc_hash"],
                query={"query": {"match_all": {}}},
                seq_no_primary_term=True,
                # Without it scan() would wait for ever; its scroll calls inherit it.
                request_timeout=self.write_timeout,
            )
            return {
                hit["_id"]: Held(hit["_source"].get("doc_hash", ""), hit["_seq_no"], hit["_primary_term"])
                for hit in hits
            }
        except NotFoundError:
            return {}

    def indexed_hashes(self) -> dict[str, str]:
        with self.breaker.guard():
            return {key: held.doc_hash for key, held in self._held().items()}

    def drop(self) -> None:
        """Delete the alias and its indices (tests, `search_index --verify` and teardown)."""
        for index in self._indices_behind_alias():
            self.write_client.options(ignore_status=404).indices.delete(index=index)

    # Searching --------------------------------------------------------------------------

    def build(self, query: SearchQuery) -> PortalFacetedSearch:
        return PortalFacetedSearch(self.client, self.alias, query, parse(query.text))

    def answer(self, query: SearchQuery) -> Answer:
        """Elasticsearch's answer alone: keys, total, facets and spelling corrections."""
        with self.breaker.guard():
            raw = self.build(query).execute().to_dict()
        return answer_from_response(raw, query)

    def search(self, query: SearchQuery) -> SearchResults:
        answer = self.answer(query)
        last_page = max(1, -(-answer.total // query.page_size))
        if query.page > last_page and answer.total:
            return self.search(replace(query, page=last_page))
        return results_from_answer(answer, query, parse(query.text))

    def keys(self, query: SearchQuery, limit: int = MAX_KEYS) -> list[str]:
        """The keys of every item matching the query's words and types, at most `limit` (see
        DatabaseEngine.keys): ids only, no facets, scores or highlights."""
        parsed = parse(query.text)
        if not parsed.has_terms:
            return []
        search = Search(using=self.client, index=self.alias).query(text_query(parsed)).source(False)
        if query.types:
            search = search.filter("terms", search_type=list(query.types))
        with self.breaker.guard():
            raw = search.extra(size=limit, track_total_hits=False).execute().to_dict()
        return [hit["_id"] for hit in raw.get("hits", {}).get("hits", [])]

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]:
        """Search as you type on the title's search_as_you_type field."""
        typed = words(text)[-6:]
        if not typed:
            return []
        search = (
            Search(using=self.client, index=self.alias)
            .query(
                "multi_match",
                query=" ".join(typed),
                type="bool_prefix",
                fields=["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
            )
            .source(["title", "url", "search_type"])[:limit]
        )
        labels = dict(search_types())
        with self.breaker.guard():
            hits = list(search.execute())
        return [
            {"title": hit.title, "url": hit.url, "type_label": labels.get(hit.search_type, "")}
            for hit in hits
        ]


def answer_from_response(raw: Mapping[str, Any], query: SearchQuery) -> Answer:
    """An Answer from an Elasticsearch response body (a plain dict)."""
    hits = raw.get("hits", {})
    return Answer(
        keys=[hit["_id"] for hit in hits.get("hits", [])],
        total=int(hits.get("total", {}).get("value", 0)),
        facets=_facets(raw.get("aggregations", {}), query),
        corrections=_spelling(raw.get("suggest", {}).get("spelling", [])),
    )


def results_from_answer(answer: Answer, query: SearchQuery, parsed: ParsedQuery) -> SearchResults:
    """SearchResults with the hits loaded from the database and highlighted there, like the
    database engine's: the query's stems, and those of any spelling correction (a fuzzy match)."""
    corrected = {stem(fold(w)) for w in answer.corrections.values()}
    return SearchResults(
        query=query,
        hits=load_hits(answer.keys, parsed.stems | corrected),
        total=answer.total,
        facets=answer.facets,
        engine="elasticsearch",
        suggestion=corrected_text(query.text, answer.corrections) if answer.corrections else None,
    )


def results_from_response(raw: Mapping[str, Any], query: SearchQuery, parsed: ParsedQuery) -> SearchResults:
    return results_from_answer(answer_from_response(raw, query), query, parsed)


def _spelling(entries: list[Mapping[str, Any]]) -> dict[str, str]:
    return {entry["text"]: entry["options"][0]["text"] for entry in entries if entry.get("options")}


def _facets(aggregations: Mapping[str, Any], query: SearchQuery) -> dict[str, list[Option]]:
    selected = query.selected()
    counts: dict[str, dict[str, int]] = {}
    for param in FACET_FIELDS:
        buckets = aggregations.get(f"_filter_{param}", {}).get(param, {}).get("buckets", [])
        counts[param] = {_bucket_value(param, b): b["doc_count"] for b in buckets}
    ticked = aggregations.get("_ticked_tag", {}).get("tag", {}).get("buckets", [])
    counts["tag"] |= {str(b["key"]): b["doc_count"] for b in ticked}
    for slug in query.tags:  # ticked, matching nothing here: still listed, with its name
        counts["tag"].setdefault(slug, 0)
    facets = {
        facet.param: [
            Option(value, label, counts[facet.param].get(value, 0), value in selected[facet.param])
            for value, label in facet.options
        ]
        for facet in search_facets()
        if facet.param != "tag"
    }
    slugs = [*counts["tag"], *query.tags]
    names = dict(SearchEntryTag.objects.filter(slug__in=slugs).values_list("slug", "name").distinct())
    facets["tag"] = tag_options(
        [(slug, names.get(slug, slug), n) for slug, n in counts["tag"].items()], query.tags
    )
    return facets


def _bucket_value(param: str, bucket: Mapping[str, Any]) -> str:
    """A bucket key as the facet value: booleans come back as 1/0 with key_as_string "true"."""
    if param == "places":
        return PLACES_AVAILABLE if bucket.get("key_as_string") == "true" else "none"
    return str(bucket["key"])
