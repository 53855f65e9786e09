"""The Elasticsearch engine without a cluster: the index definition and query bodies that
elasticsearch-dsl builds, reading a response body, and falling back for real when the cluster is
unreachable or too slow. (Against a real cluster: tests/search_contract with ELASTICSEARCH_URL.)"""

import json
import socket
import threading
import time

import pytest
from django.http import QueryDict

from search.contract import SearchQuery
from search.engines import FallbackEngine, database_engine, search_engine
from search.engines.elastic import ElasticsearchEngine, results_from_response
from search.engines.hits import safe_fragment
from search.synonyms import elasticsearch_rules
from search.text import parse

from .factories import document

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, connection refused


def engine() -> ElasticsearchEngine:
    return ElasticsearchEngine(UNREACHABLE, "unit")


def body(params: str) -> dict:
    query, _ = SearchQuery.from_params(QueryDict(params))
    return engine().build(query).to_dict()


def walk(value):
    """Every dict in a nested body."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def test_one_index_per_environment_behind_an_alias():
    assert engine().alias == "unit-search"
    assert ElasticsearchEngine(UNREACHABLE, "staging").alias == "staging-search"


def test_the_index_stems_english_and_applies_the_shared_synonyms_at_search_time():
    definition = engine().index_definition("unit-search-1").to_dict()
    analysis = definition["settings"]["analysis"]
    assert analysis["filter"]["portal_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": elasticsearch_rules(),
    }
    assert analysis["filter"]["portal_english_stemmer"] == {"type": "stemmer", "language": "english"}
    assert "portal_synonyms" in analysis["analyzer"]["portal_search"]["filter"]
    assert "portal_synonyms" not in analysis["analyzer"]["portal_index"]["filter"]
    properties = definition["mappings"]["properties"]
    for field in ("title", "summary", "labels", "body"):
        assert properties[field]["analyzer"] == "portal_index"
        assert properties[field]["search_analyzer"] == "portal_search"
        assert properties[field]["copy_to"] == (
            ["all_text"] if field == "labels" else ["all_text", "spelling"]
        )
    assert properties["title"]["fields"]["suggest"] == {"type": "search_as_you_type"}
    assert properties["title"]["fields"]["sort"]["type"] == "keyword"
    assert properties["benchmarks"] == {"type": "integer"}
    assert properties["has_places_left"] == {"type": "boolean"}


def test_text_is_matched_fuzzily_and_quoted_phrases_as_phrases():
    query = body('q=work experiance "year 10"')["query"]["bool"]
    match, phrase = query["must"]
    assert match["match"]["all_text"] == {
        "query": "work experiance",
        "minimum_should_match": "3<75%",
        "fuzziness": "AUTO",
        "prefix_length": 1,
    }
    assert phrase == {"match_phrase": {"all_text": {"query": "year 10", "analyzer": "portal_index"}}}
    boosts = [clause["multi_match"] for clause in query["should"]]
    assert {b["type"] for b in boosts} == {"best_fields", "phrase"}
    assert all(b["fields"][0] == "title^4" for b in boosts)


def test_no_words_means_no_text_query():
    for params in ["", "q=%22", "q=%F0%9F%98%80", "q=the"]:
        assert "query" not in body(params), params


def test_selected_facets_filter_the_hits_but_not_their_own_counts():
    built = body("q=placement&benchmark=6&benchmark=5&key_stage=KS4&places=available&tag=nhs&type=resource")
    post_filter = built["post_filter"]["bool"]["must"]
    assert {"terms": {"benchmarks": [6, 5]}} in post_filter
    assert {"terms": {"key_stages": ["KS4"]}} in post_filter
    assert {"terms": {"has_places_left": [True]}} in post_filter
    assert {"terms": {"tags": ["nhs"]}} in post_filter
    assert {"terms": {"search_type": ["resource"]}} in post_filter
    benchmark_agg = built["aggs"]["_filter_benchmark"]
    assert benchmark_agg["aggs"]["benchmark"]["terms"]["field"] == "benchmarks"
    others = benchmark_agg["filter"]["bool"]["must"]
    assert {"terms": {"benchmarks": [6, 5]}} not in others
    assert {"terms": {"key_stages": ["KS4"]}} in others
    assert set(built["aggs"]) == {
        f"_filter_{p}" for p in ("type", "benchmark", "key_stage", "audience", "setting", "places", "tag")
    }
    assert built["aggs"]["_filter_tag"]["aggs"]["tag"]["terms"]["size"] == 20


def test_without_filters_the_aggregations_count_everything():
    built = body("q=placement")
    assert "post_filter" not in built
    assert built["aggs"]["_filter_key_stage"]["filter"] == {"match_all": {}}


def test_sorting_paging_highlighting_and_spelling():
    built = body("q=placment&sort=newest&page=3")
    assert built["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, "title.sort", "key"]
    assert (built["from"], built["size"], built["track_total_hits"]) == (40, 20, True)
    assert built["highlight"]["encoder"] == "html"
    assert built["highlight"]["pre_tags"] == ["<mark>"] and built["highlight"]["post_tags"] == ["</mark>"]
    assert set(built["highlight"]["fields"]) == {"title", "summary", "body"}
    assert built["suggest"]["spelling"]["term"]["field"] == "spelling"
    assert body("q=placement")["sort"][0] == "_score"
    assert body("")["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}  # nothing to rank by


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(", "AND (", "-", "\\", "😀", "عمل تطوعي", "x" * 2000, "a\x00b", "OR OR", "[]{}:~^/"],
)
def test_hostile_text_only_ever_reaches_match_queries(text):
    query, _ = SearchQuery.from_params({"q": [text]})
    built = engine().build(query).to_dict()
    serialised = json.dumps(built)
    assert "query_string" not in serialised and "simple_query_string" not in serialised
    assert "\x00" not in serialised
    for clause in walk(built.get("query", {})):
        for kind in ("match", "match_phrase"):
            if kind in clause:
                assert len(clause[kind]["all_text"]["query"]) <= 256


def test_a_response_body_becomes_results_loaded_from_the_database(db):
    shown = document(title="Library placement", summary="Shelving books.", benchmarks=(6,))
    database_engine().upsert([shown])
    response = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {"_id": shown.key, "highlight": {"title": ["Library <mark>placement</mark> &lt;b&gt;"]}},
                {"_id": "testing.item:gone", "highlight": {}},  # not in the database: left out
            ],
        },
        "aggregations": {
            "_filter_benchmark": {"benchmark": {"buckets": [{"key": 6, "doc_count": 2}]}},
            "_filter_places": {"places": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 1}]}},
            "_filter_tag": {"tag": {"buckets": [{"key": "nhs", "doc_count": 1}]}},
        },
        "suggest": {"spelling": [{"text": "placment", "options": [{"text": "placement"}]}]},
    }
    query, _ = SearchQuery.from_params(QueryDict("q=placment&benchmark=6"))
    results = results_from_response(response, query, parse(query.text))
    assert results.engine == "elasticsearch" and results.total == 2
    assert [h.title for h in results.hits] == ["Library placement"]
    assert results.hits[0].title_html == "Library <mark>placement</mark> &lt;b&gt;"
    benchmark = {o.value: (o.count, o.selected) for o in results.facets["benchmark"]}
    assert benchmark["6"] == (2, True) and benchmark["5"] == (0, False)
    assert [(o.value, o.count) for o in results.facets["places"]] == [("available", 1)]
    assert [(o.value, o.count) for o in results.facets["tag"]] == [("nhs", 1)]
    assert results.suggestion == "placement"


def test_highlighted_fragments_cannot_carry_markup():
    assert (
        safe_fragment("<mark>work</mark> <script>x</script>")
        == "<mark>work</mark> &lt;script&gt;x&lt;/script&gt;"
    )
    assert safe_fragment("&lt;b&gt; <mark>a&amp;b</mark>") == "&lt;b&gt; <mark>a&amp;b</mark>"
    assert safe_fragment("</mark>stray<mark>") == "&lt;/mark&gt;stray<mark></mark>"


@pytest.mark.django_db
def test_refused_connection_falls_back_to_the_database(settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    database_engine().upsert([document(title="Library placement")])
    engine = search_engine()
    assert isinstance(engine, FallbackEngine)
    query, _ = SearchQuery.from_params({"q": ["placement"]})
    results = engine.search(query)
    assert (results.fell_back, results.engine, results.total) == (True, "database", 1)
    assert [s["title"] for s in engine.suggest("libr")] == ["Library placement"]


@pytest.fixture
def silent_server():
    """A real TCP server that accepts connections and never answers (a hung cluster)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    connections: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                connections.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in connections:
        connection.close()
    server.close()


@pytest.mark.django_db
def test_a_cluster_slower_than_the_timeout_falls_back(settings, silent_server):
    settings.ELASTICSEARCH_URL = silent_server
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    database_engine().upsert([document(title="Library placement")])
    query, _ = SearchQuery.from_params({"q": ["placement"]})
    started = time.monotonic()
    results = search_engine().search(query)
    assert results.fell_back and results.total == 1
    assert time.monotonic() - started < 3
