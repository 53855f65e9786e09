"""The Elasticsearch engine (elasticsearch-dsl over `elasticsearch.dsl`).

Searches go to an alias, `<ELASTICSEARCH_INDEX_PREFIX>-search`, so every environment sharing a
cluster has its own index and a rebuild fills a new index before the alias moves to it (no
moment with an empty or half-built index). Results come back as keys; the database loads what to
show (engines/hits.py). Facets are elasticsearch-dsl's FacetedSearch: each facet's aggregation is
filtered by every *other* facet and the selection itself is a post_filter, so ticking a value
keeps its siblings' counts."""

import datetime
import functools
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import FacetedSearch, Index, Q, Search, TermsFacet
from elasticsearch.dsl.exceptions import ElasticsearchDslException
from elasticsearch.dsl.faceted_search import FacetedResponse

from portal.taxonomy.facets import MAX_VALUES_PER_FACET, Option

from ..contract import PLACES_AVAILABLE, SearchQuery, SearchResults, search_facets
from ..documents import SearchDocument
from ..models import SearchEntryTag
from ..registry import IndexDocument, search_types
from ..text import ParsedQuery, corrected_text, parse, words
from .database import tag_options
from .hits import Highlights, load_hits, safe_fragment

logger = logging.getLogger(__name__)

# Anything the client or the cluster can throw: the caller falls back to the database engine.
ELASTICSEARCH_ERRORS = (ApiError, TransportError, ElasticsearchDslException)

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
BOOSTED_FIELDS = ["title^4", "summary^2", "labels", "body"]
NEWEST = {"date": {"order": "desc", "missing": "_last"}}
SORTS: dict[str, list[Any]] = {
    "relevance": ["_score", NEWEST, "key"],
    "newest": [NEWEST, "title.sort", "key"],
    "title": ["title.sort", "key"],
}


def text_query(parsed: ParsedQuery) -> Any:
    """The text part of a search. User text only ever goes into `match` queries, which analyse
    it and have no syntax to break (never `query_string`)."""
    free = parsed.free_text if any(words(parsed.free_text)) else ""
    must = [
        Q("match_phrase", all_text={"query": phrase, "analyzer": "portal_index"}) for phrase in parsed.phrases
    ]
    should = []
    if free:
        must.insert(
            0,
            Q(
                "match",
                all_text={
                    "query": free,
                    # Up to three words: all of them; more: three in four (typed sentences).
                    "minimum_should_match": "3<75%",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                },
            ),
        )
        should = [
            Q("multi_match", query=free, fields=BOOSTED_FIELDS, type="best_fields", operator="and"),
            Q("multi_match", query=free, fields=BOOSTED_FIELDS, type="phrase", slop=2, boost=2),
        ]
    return Q("bool", must=must, should=should)


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
        if parsed.has_terms and parsed.free_text:
            self._s = self._s.suggest(
                "spelling",
                parsed.free_text,
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

    def highlight(self, search: Search) -> Search:
        if not self.parsed.has_terms:
            return search
        return (
            search.highlight("title", number_of_fragments=0)
            .highlight("summary", number_of_fragments=0)
            .highlight("body", fragment_size=200, number_of_fragments=1)
            # The text query is on all_text: let its terms (fuzzy ones too) mark these fields.
            # "html" escapes the text around the tags; safe_fragment() escapes again anyway.
            .highlight_options(
                encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], require_field_match=False
            )
        )

    def sort(self, search: Search) -> Search:
        return search.sort(*SORTS[self.portal_query.order])

    def to_dict(self) -> dict[str, Any]:
        return self._s.to_dict()


@functools.cache
def client_for(url: str, timeout: float) -> Elasticsearch:
    """One client (and connection pool) per process. No retries: a slow or absent cluster
    should cost one timeout, then the database engine answers."""
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str, timeout: float = 1.0, replicas: int = 0) -> None:
        self.client = client_for(url, timeout)
        self.alias = f"{prefix}-search"
        self.replicas = replicas

    @classmethod
    def from_settings(cls) -> "ElasticsearchEngine":
        return cls(
            settings.ELASTICSEARCH_URL,
            settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
            replicas=settings.ELASTICSEARCH_REPLICAS,
        )

    # Indexing ---------------------------------------------------------------------------

    def index_definition(self, name: str) -> Index:
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=self.replicas)
        index.document(SearchDocument)
        return index

    def ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            self.index_definition(name).create()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def _actions(self, index: str, documents: Iterable[IndexDocument]) -> Iterable[dict[str, Any]]:
        for document in documents:
            yield SearchDocument.from_index_document(document).to_dict(include_meta=True) | {"_index": index}

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        self.ensure_index()
        helpers.bulk(self.client, self._actions(self.alias, documents))

    def delete(self, keys: Sequence[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]
        # A key that was never indexed is not an error.
        helpers.bulk(self.client, actions, raise_on_error=False)

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Fill a new index, then move the alias to it in one atomic step and drop the old ones."""
        name = self._new_index_name()
        self.index_definition(name).create()
        count, _ = helpers.bulk(self.client, self._actions(name, documents))
        self.client.indices.refresh(index=name)
        old = (
            list(self.client.indices.get_alias(name=self.alias))
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        self.client.indices.update_aliases(
            actions=[{"remove": {"index": o, "alias": self.alias}} for o in old]
            + [{"add": {"index": name, "alias": self.alias}}]
        )
        for index in old:
            self.client.indices.delete(index=index)
        return count

    def indexed_hashes(self) -> dict[str, str]:
        try:
            hits = helpers.scan(
                self.client, index=self.alias, _source=["doc_hash"], query={"query": {"match_all": {}}}
            )
            return {hit["_id"]: hit["_source"].get("doc_hash", "") for hit in hits}
        except NotFoundError:
            return {}

    def drop(self) -> None:
        """Delete the alias and its indices (tests and teardown)."""
        if self.client.indices.exists_alias(name=self.alias):
            for index in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=index)

    # Searching --------------------------------------------------------------------------

    def build(self, query: SearchQuery) -> PortalFacetedSearch:
        return PortalFacetedSearch(self.client, self.alias, query, parse(query.text))

    def search(self, query: SearchQuery) -> SearchResults:
        faceted = self.build(query)
        raw = faceted.execute().to_dict()
        results = results_from_response(raw, query, faceted.parsed)
        if query.page > results.num_pages and results.total:
            return self.search(replace(query, page=results.num_pages))
        return results

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]:
        """Search as you type on the title's search_as_you_type field."""
        search = (
            Search(using=self.client, index=self.alias)
            .query(
                "multi_match",
                query=text,
                type="bool_prefix",
                fields=["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
            )
            .source(["title", "url", "search_type"])[:limit]
        )
        labels = dict(search_types())
        return [
            {"title": hit.title, "url": hit.url, "type_label": labels.get(hit.search_type, "")}
            for hit in search.execute()
        ]


def results_from_response(raw: Mapping[str, Any], query: SearchQuery, parsed: ParsedQuery) -> SearchResults:
    """SearchResults from an Elasticsearch response body (a plain dict)."""
    hits = raw.get("hits", {}).get("hits", [])
    keys = [hit["_id"] for hit in hits]
    highlights: Highlights = {hit["_id"]: _highlighted(hit.get("highlight") or {}) for hit in hits}
    corrections = _spelling(raw.get("suggest", {}).get("spelling", []))
    return SearchResults(
        query=query,
        hits=load_hits(keys, parsed.stems, highlights),
        total=int(raw.get("hits", {}).get("total", {}).get("value", 0)),
        facets=_facets(raw.get("aggregations", {}), query),
        engine="elasticsearch",
        suggestion=corrected_text(query.text, corrections) if corrections else None,
    )


def _highlighted(fields: Mapping[str, list[str]]) -> tuple[Any, Any]:
    title = safe_fragment(fields["title"][0]) if fields.get("title") else None
    passage = fields.get("summary") or fields.get("body")
    return title, (safe_fragment(passage[0]) if passage else None)


def _spelling(entries: list[Mapping[str, Any]]) -> dict[str, str]:
    return {entry["text"]: entry["options"][0]["text"] for entry in entries if entry.get("options")}


def _facets(aggregations: Mapping[str, Any], query: SearchQuery) -> dict[str, list[Option]]:
    selected = query.selected()
    counts: dict[str, dict[str, int]] = {}
    for param in FACET_FIELDS:
        buckets = aggregations.get(f"_filter_{param}", {}).get(param, {}).get("buckets", [])
        counts[param] = {_bucket_value(param, b): b["doc_count"] for b in buckets}
    facets = {
        facet.param: [
            Option(value, label, counts[facet.param].get(value, 0), value in selected[facet.param])
            for value, label in facet.options
        ]
        for facet in search_facets()
        if facet.param != "tag"
    }
    names = dict(
        SearchEntryTag.objects.filter(slug__in=list(counts["tag"])).values_list("slug", "name").distinct()
    )
    facets["tag"] = tag_options(
        [(slug, names.get(slug, slug), n) for slug, n in counts["tag"].items()], query.tags
    )
    return facets


def _bucket_value(param: str, bucket: Mapping[str, Any]) -> str:
    """A bucket key as the facet value: booleans come back as 1/0 with key_as_string "true"."""
    if param == "places":
        return PLACES_AVAILABLE if bucket.get("key_as_string") == "true" else "none"
    return str(bucket["key"])
