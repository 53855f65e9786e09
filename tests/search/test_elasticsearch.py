"""The Elasticsearch engine without a cluster: the index definition and query bodies that
elasticsearch-dsl builds, reading a response body, and falling back for real when the cluster is
unreachable or too slow. (Against a real cluster: tests/search_contract with ELASTICSEARCH_URL,
and `manage.py search_index --verify`.) Requests, timeouts, retries, failures and the breaker
are in test_elasticsearch_transport.py."""

import json
import socket
import threading

import pytest
from django.http import QueryDict

from search.contract import SearchQuery
from search.documents import SearchDocument
from search.engines import FallbackEngine, database_engine, search_engine
from search.engines.elastic import MAX_EXPANSIONS, ElasticsearchEngine, results_from_response
from search.text import MAX_CLAUSES, MAX_WORD_LENGTH, Terms, parse

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


def text_clauses(built: dict) -> list[dict]:
    """The clauses of the text query (first `must`): one per parsed clause."""
    return built["query"]["bool"]["must"][0]["bool"]["should"]


def test_one_index_per_environment_behind_an_alias():
    assert engine().alias == "unit-search-v3"
    assert ElasticsearchEngine(UNREACHABLE, "staging").alias == "staging-search-v3"


def test_the_index_holds_the_stems_the_database_engine_indexes():
    definition = engine().index_definition("unit-search-1").to_dict()
    analysis = definition["settings"]["analysis"]
    assert analysis["analyzer"]["portal_stems"] == {"type": "custom", "tokenizer": "whitespace"}
    assert "filter" not in json.dumps(analysis["analyzer"]["portal_stems"])  # no stemmer of its own
    properties = definition["mappings"]["properties"]
    for field in ("title", "summary", "labels", "body"):
        assert properties[f"{field}_stems"]["analyzer"] == "portal_stems"
        assert properties[f"{field}_stems"]["copy_to"] == ["all_stems"]
    assert properties["title"]["fields"]["suggest"] == {"type": "search_as_you_type"}
    assert properties["title"]["fields"]["sort"]["type"] == "keyword"
    assert properties["benchmarks"] == {"type": "integer"}
    assert properties["has_places_left"] == {"type": "boolean"}

    item = document(
        title="Generously funded CVs", summary="The apprentices' colleges", body="Work placements"
    )
    source = SearchDocument.from_index_document(item).to_dict()
    terms = Terms.of(item)
    assert source["title_stems"] == " ".join(terms.title) == "generous fund cvs"  # Porter 2
    assert source["summary_stems"] == "apprentic colleg"  # stop word and possessive gone
    assert source["body_stems"] == " ".join(terms.body)
    assert source["spelling"] == ["Generously funded CVs", "The apprentices' colleges", "Work placements"]


def test_words_are_matched_fuzzily_on_stems_and_quoted_phrases_as_phrases():
    built = body('q=work experiance "year 10" placements')
    query = built["query"]["bool"]
    free, phrase = query["must"]
    assert free["bool"]["minimum_should_match"] == "3<75%"
    synonym, word = free["bool"]["should"]
    assert synonym == {
        "bool": {
            "should": [
                {"match_phrase": {"all_stems": "work experi"}},
                {"match_phrase": {"all_stems": "work placement"}},
            ],
            "minimum_should_match": 1,
        }
    }
    assert word == {
        "match": {
            "all_stems": {
                "query": "placement",
                "fuzziness": "AUTO:4,6",
                "prefix_length": 1,
                "max_expansions": MAX_EXPANSIONS,
            }
        }
    }
    assert phrase == {"match_phrase": {"all_stems": "year 10"}}
    boosts = [clause["multi_match"] for clause in query["should"]]
    assert {b["type"] for b in boosts} == {"best_fields", "phrase"}
    assert all(b["query"] == "work experi placement" and b["fields"][0] == "title_stems^4" for b in boosts)
    assert built["suggest"]["spelling"]["text"] == "work experiance placements"


def test_plurals_reach_their_synonyms():
    (clause,) = text_clauses(body("q=apprentices"))
    assert {"match_phrase": {"all_stems": "apprenticeship"}} in clause["bool"]["should"]
    (clause,) = text_clauses(body("q=colleges"))
    assert {"match_phrase": {"all_stems": "sixth form"}} in clause["bool"]["should"]


def test_numbers_and_short_words_are_never_fuzzy():
    ten, cv = text_clauses(body("q=10 cv"))
    assert ten == {"match": {"all_stems": {"query": "10"}}}
    assert "fuzziness" not in json.dumps(cv)


@pytest.mark.parametrize("text", ['"year 10" the', 'not "sixth form"', 'the "sixth form" of'])
def test_a_stop_word_beside_a_phrase_adds_no_clause(text):
    query = body(f"q={text}")["query"]["bool"]
    assert len(query["must"]) == 1 and "match_phrase" in query["must"][0]
    assert not query.get("should")  # no free words: nothing to boost
    assert "suggest" not in body(f"q={text}")


def test_no_words_means_no_text_query():
    for params in ["", "q=%22", "q=%F0%9F%98%80", "q=the", "q=" + "x" * 300]:
        assert "query" not in body(params), params


def test_long_text_is_cut_to_the_database_engines_limits():
    many = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40))
    assert len(text_clauses(body(f"q={many}"))) == MAX_CLAUSES
    long_word = "y" * 200
    built = body(f"q=careers {long_word}")
    (clause,) = text_clauses(built)
    assert clause["match"]["all_stems"]["query"] == "career"
    assert long_word not in json.dumps(built)  # not in the query, the boosts or the suggester
    direct = ElasticsearchEngine(UNREACHABLE, "unit").build(SearchQuery(text="careers " + "z" * 300))
    assert "z" * (MAX_WORD_LENGTH + 1) not in json.dumps(direct.to_dict())


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
    } | {"_ticked_tag"}
    assert built["aggs"]["_filter_tag"]["aggs"]["tag"]["terms"]["size"] == 20
    # Ticked tags are counted on their own, filtered like the tag facet (every other facet).
    ticked = built["aggs"]["_ticked_tag"]
    assert ticked["aggs"]["tag"]["terms"] == {"field": "tags", "include": ["nhs"], "size": 1}
    assert ticked["filter"] == built["aggs"]["_filter_tag"]["filter"]


def test_without_filters_the_aggregations_count_everything():
    built = body("q=placement")
    assert "post_filter" not in built and "_ticked_tag" not in built["aggs"]
    assert built["aggs"]["_filter_key_stage"]["filter"] == {"match_all": {}}


def test_sorting_paging_and_spelling():
    built = body("q=placment&sort=newest&page=3")
    assert built["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, "title.sort", "key"]
    assert (built["from"], built["size"], built["track_total_hits"]) == (40, 20, True)
    assert "highlight" not in built  # the database highlights the words as written
    assert built["suggest"]["spelling"]["term"]["field"] == "spelling"
    assert body("q=placement")["sort"][0] == "_score"
    assert body("")["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}  # nothing to rank by


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(", "AND (", "-", "\\", "😀", "عمل تطوعي", "x" * 2000, "a\x00b", "OR OR", "[]{}:~^/"],
)
def test_hostile_text_only_ever_reaches_match_queries_as_stems(text):
    query, _ = SearchQuery.from_params({"q": [text]})
    built = engine().build(query).to_dict()
    serialised = json.dumps(built)
    assert "query_string" not in serialised and "simple_query_string" not in serialised
    assert "\x00" not in serialised
    for clause in walk(built.get("query", {})):
        for kind in ("match", "match_phrase"):
            if kind in clause:
                value = clause[kind]["all_stems"]
                value = value["query"] if isinstance(value, dict) else value
                assert all(len(w) <= MAX_WORD_LENGTH and w.isalnum() for w in value.split())


def test_a_response_body_becomes_results_loaded_and_highlighted_by_the_database(db):
    shown = document(
        title="Library placement", summary="Shelving books.", benchmarks=(6,), tags=(("nhs", "NHS"),)
    )
    rare = document(title="Rare", tags=(("rural", "Rural life"),))
    database_engine().upsert([shown, rare])
    top_tags = [{"key": f"tag-{n:02}", "doc_count": 5} for n in range(20)]
    response = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [{"_id": shown.key}, {"_id": "testing.item:gone"}],  # not in the database: left out
        },
        "aggregations": {
            "_filter_benchmark": {"benchmark": {"buckets": [{"key": 6, "doc_count": 2}]}},
            "_filter_places": {"places": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 1}]}},
            "_filter_tag": {"tag": {"buckets": top_tags}},
            "_ticked_tag": {"tag": {"buckets": [{"key": "rural", "doc_count": 1}]}},
        },
        "suggest": {"spelling": [{"text": "shelfing", "options": [{"text": "shelving"}]}]},
    }
    query, _ = SearchQuery.from_params(QueryDict("q=placements shelfing&benchmark=6&tag=rural&tag=nowhere"))
    results = results_from_response(response, query, parse(query.text))
    assert results.engine == "elasticsearch" and results.total == 2
    assert [h.title for h in results.hits] == ["Library placement"]
    assert results.hits[0].title_html == "Library <mark>placement</mark>"
    # The spelling correction is highlighted too (Elasticsearch matched it fuzzily).
    assert results.hits[0].snippet_html == "<mark>Shelving</mark> books."
    benchmark = {o.value: (o.count, o.selected) for o in results.facets["benchmark"]}
    assert benchmark["6"] == (2, True) and benchmark["5"] == (0, False)
    assert [(o.value, o.count) for o in results.facets["places"]] == [("available", 1)]
    tags = {o.value: (o.label, o.count, o.selected) for o in results.facets["tag"]}
    assert len(tags) == 22
    assert tags["rural"] == ("Rural life", 1, True)  # outside the top 20: its own count and name
    assert tags["nowhere"] == ("nowhere", 0, True)  # ticked, unknown: still there to untick
    assert results.suggestion == "placements shelving"


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
def test_a_hung_cluster_costs_one_timeout_then_the_breaker_skips_it(settings, silent_server):
    settings.ELASTICSEARCH_URL = silent_server
    settings.ELASTICSEARCH_TIMEOUT = 0.2
    database_engine().upsert([document(title="Library placement")])
    query, _ = SearchQuery.from_params({"q": ["placement"]})
    first = search_engine()
    results = first.search(query)
    assert results.fell_back and results.total == 1
    assert first.primary.breaker.is_open
    assert search_engine().search(query).fell_back  # a new engine object shares the breaker
