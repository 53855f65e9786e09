"""The Elasticsearch engine's requests through a recording transport (tests/search/recording.py):
which calls it makes, with which timeout, what it does when they are slow or fail, the rebuild's
clean-up and catch-up, and the circuit breaker. Nothing here is a cluster: every answer is
scripted by the test."""

import dataclasses
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch.helpers import BulkIndexError

from search.contract import SearchQuery
from search.documents import SearchDocument
from search.engines import FallbackEngine, database_engine
from search.engines import elastic as elastic_module
from search.engines.elastic import ClusterResting, ElasticsearchEngine
from tests.resources.factories import resource

from .factories import document
from .recording import (
    Recorder,
    Request,
    bulk_actions,
    bulk_failing,
    bulk_ok,
    not_found,
    search_answer,
)

SEARCH_TIMEOUT = 0.05
WRITE_TIMEOUT = 5.0
INDEX = r"/unit-search-v3-\d+"


def make_engine(recorder: Recorder, **options) -> ElasticsearchEngine:
    values = {"timeout": SEARCH_TIMEOUT, "write_timeout": WRITE_TIMEOUT, "retry_after": 30.0} | options
    return ElasticsearchEngine(recorder.url, "unit", client=recorder.client(), **values)


def query(text: str = "placement") -> SearchQuery:
    return SearchQuery.from_params({"q": [text]})[0]


def scan_answer(held: dict[str, tuple[str, int]]) -> tuple[int, dict]:
    """One page of a scroll: {key: (doc_hash, seq_no)}; the next page is empty."""
    answer = search_answer(list(held))
    for hit in answer[1]["hits"]["hits"]:
        hit["_source"] = {"doc_hash": held[hit["_id"]][0]}
        hit["_seq_no"], hit["_primary_term"] = held[hit["_id"]][1], 1
    answer[1]["_scroll_id"] = "scroll-1"
    return answer


def scrolled(recorder: Recorder, held: dict[str, tuple[str, int]]) -> Recorder:
    return (
        recorder.on("POST", "/unit-search-v3/_search", scan_answer(held))
        .on("POST", "/_search/scroll", (200, {"_scroll_id": "scroll-1", "_shards": {}, "hits": {"hits": []}}))
        .on("DELETE", "/_search/scroll", (200, {"succeeded": True}))
    )


def rebuildable(recorder: Recorder, old: list[str] = ()) -> Recorder:
    """Answers for a rebuild that succeeds: the alias is on `old`."""
    aliases = {name: {"aliases": {"unit-search-v3": {}}} for name in old}
    return (
        recorder.on("PUT", INDEX, (200, {"acknowledged": True}))
        .on("PUT", "/_bulk", bulk_ok)
        .on("POST", f"{INDEX}/_refresh", (200, {}))
        .on(
            "GET",
            "/_alias/unit-search-v3",
            (200, aliases) if old else not_found("aliases_not_found_exception"),
        )
        .on("POST", "/_aliases", (200, {"acknowledged": True}))
        .on("DELETE", INDEX, (200, {"acknowledged": True}))
    )


# Timeouts ------------------------------------------------------------------------------


def test_searches_wait_the_short_timeout_and_every_write_the_long_one():
    recorder = scrolled(rebuildable(Recorder(), old=["unit-search-v3-old"]), {})
    recorder.on("POST", "/unit-search-v3/_search", search_answer())
    engine = make_engine(recorder)
    engine.rebuild([document(title="Library placement")], current=None)
    engine.upsert([document(title="Highways placement")])
    engine.delete(["testing.item:gone"])
    writes = list(recorder.requests)
    assert {(r.method, re.sub(r"-\d{6,}", "-N", r.path)) for r in writes} == {
        ("PUT", "/unit-search-v3-N"),
        ("PUT", "/_bulk"),
        ("POST", "/unit-search-v3-N/_refresh"),
        ("GET", "/_alias/unit-search-v3"),
        ("POST", "/_aliases"),
    }
    assert {r.timeout for r in writes} == {WRITE_TIMEOUT}

    scrolled(recorder, {"testing.item:1": ("abc", 1)})
    recorder.requests.clear()
    assert engine.indexed_hashes() == {"testing.item:1": "abc"}
    assert [r.path for r in recorder.requests] == [
        "/unit-search-v3/_search",
        "/_search/scroll",
        "/_search/scroll",
    ]
    assert {r.timeout for r in recorder.requests} == {WRITE_TIMEOUT}  # the scan had none at all

    recorder.requests.clear()
    recorder.on("POST", "/unit-search-v3/_search", search_answer())
    engine.search(query())
    engine.suggest("libr")
    assert [r.timeout for r in recorder.requests] == [SEARCH_TIMEOUT, SEARCH_TIMEOUT]


def test_a_bulk_write_slower_than_a_search_may_take_still_succeeds():
    recorder = Recorder().on("PUT", "/_bulk", bulk_ok, delay=0.2)
    recorder.on("POST", "/unit-search-v3/_search", search_answer(), delay=0.2)
    engine = make_engine(recorder)
    engine.upsert([document(title="Library placement")])  # 0.2 s: well within the write timeout
    with pytest.raises(ConnectionTimeout):
        engine.search(query())  # 0.2 s is beyond the search timeout
    assert len(recorder.made("POST", "/unit-search-v3/_search")) == 1  # searches never retry


def test_writes_retry_after_a_timeout_or_an_overloaded_cluster():
    recorder = Recorder().on(
        "PUT", "/_bulk", ConnectionTimeout("timed out"), (503, {"error": "unavailable"}), bulk_ok
    )
    make_engine(recorder).upsert([document(title="Library placement")])
    assert len(recorder.made("PUT", "/_bulk")) == 3


def test_documents_refused_as_too_many_requests_are_sent_again(monkeypatch):
    recorder = Recorder().on("PUT", "/_bulk", bulk_failing(429, "es_rejected_execution_exception"), bulk_ok)
    waits: list[float] = []
    monkeypatch.setattr("elasticsearch.helpers.actions.time.sleep", waits.append)
    make_engine(recorder).upsert([document(title="Library placement")])
    assert len(recorder.made("PUT", "/_bulk")) == 2 and len(waits) == 1  # after a backoff


# Writes never create an index ------------------------------------------------------------


def test_upsert_with_the_alias_missing_fails_and_creates_nothing():
    missing = bulk_failing(404, "index_not_found_exception", "[unit-search-v3] is not an alias")
    recorder = Recorder().on("PUT", "/_bulk", missing)
    with pytest.raises(BulkIndexError):
        make_engine(recorder).upsert([document(title="Library placement")])
    (bulk,) = recorder.made("PUT", "/_bulk")
    assert bulk.params["require_alias"] == "true"
    assert [meta["_index"] for _, meta in bulk_actions(bulk)] == ["unit-search-v3"]
    assert [(r.method, r.path) for r in recorder.requests] == [("PUT", "/_bulk")]  # no index created


@pytest.mark.django_db
def test_a_missing_alias_makes_searches_fall_back():
    database_engine().upsert([document(title="Library placement")])
    recorder = Recorder().on("POST", "/unit-search-v3/_search", not_found())
    engine = FallbackEngine(make_engine(recorder), database_engine())
    results = engine.search(query())
    assert (results.fell_back, results.engine, results.total) == (True, "database", 1)
    assert not engine.primary.breaker.is_open  # the cluster answered: only the alias is missing


def test_bulk_deletes_ignore_a_missing_document_and_nothing_else(monkeypatch):
    monkeypatch.setattr("elasticsearch.helpers.actions.time.sleep", lambda seconds: None)  # 429 backoff
    recorder = Recorder().on("PUT", "/_bulk", bulk_failing(404, "not_found"))
    make_engine(recorder).delete(["testing.item:1"])
    (bulk,) = recorder.made("PUT", "/_bulk")
    assert bulk_actions(bulk) == [("delete", {"_index": "unit-search-v3", "_id": "testing.item:1"})]
    assert bulk.params["require_alias"] == "true"
    for status, error in [
        (429, "es_rejected_execution_exception"),
        (503, "unavailable_shards_exception"),
        (403, "cluster_block_exception"),
    ]:
        recorder.on("PUT", "/_bulk", bulk_failing(status, error))
        with pytest.raises(BulkIndexError):
            make_engine(recorder).delete(["testing.item:1"])


# Rebuilds ------------------------------------------------------------------------------


def test_a_rebuild_fills_a_new_index_and_swaps_the_alias_in_one_step():
    recorder = rebuildable(Recorder(), old=["unit-search-v3-old"])
    items = [document(title="Library placement"), document(title="Highways placement")]
    assert make_engine(recorder).rebuild(items, current=None) == 2
    (created,) = recorder.made("PUT", INDEX)
    name = created.path.lstrip("/")
    assert created.body["mappings"]["properties"]["all_stems"]["analyzer"] == "portal_stems"
    (bulk,) = recorder.made("PUT", "/_bulk")
    assert "require_alias" not in bulk.params
    assert {meta["_index"] for _, meta in bulk_actions(bulk)} == {name}
    assert bulk.body[1] == SearchDocument.from_index_document(items[0]).to_dict()
    (swap,) = recorder.made("POST", "/_aliases")
    assert swap.body == {
        "actions": [
            {"add": {"index": name, "alias": "unit-search-v3", "is_write_index": True}},
            {"remove_index": {"index": "unit-search-v3-old"}},
        ]
    }
    assert recorder.made("DELETE") == []  # the old index went with the swap


@pytest.mark.parametrize(
    ("failing", "answer"),
    [
        (("PUT", "/_bulk"), bulk_failing(400, "document_parsing_exception")),
        (("PUT", "/_bulk"), ConnectionTimeout("timed out")),
        # Created, but the answer never came (and the retry finds it exists).
        (("PUT", INDEX), ConnectionTimeout("timed out")),
        # A concurrent rebuild removed the old index first: the whole swap is refused.
        (("POST", "/_aliases"), not_found()),
    ],
)
def test_a_failed_rebuild_deletes_its_own_index_and_leaves_the_alias(failing, answer):
    recorder = rebuildable(Recorder(), old=["unit-search-v3-old"]).on(*failing, answer)
    with pytest.raises(elastic_module.ELASTICSEARCH_ERRORS):
        make_engine(recorder).rebuild([document(title="Library placement")], current=None)
    created = {r.path for r in recorder.made("PUT", INDEX)}  # one index, however often retried
    assert len(created) == 1
    assert [r.path for r in recorder.made("DELETE")] == list(created)  # never the old one


def test_a_swap_retried_after_a_timeout_that_went_through_keeps_the_new_index():
    recorder = rebuildable(Recorder(), old=["unit-search-v3-old"])
    recorder.on("POST", "/_aliases", ConnectionTimeout("timed out"), not_found())

    def aliases(request: Request) -> tuple[int, dict]:
        swapped = recorder.made("POST", "/_aliases")
        name = recorder.made("PUT", INDEX)[0].path.lstrip("/") if swapped else "unit-search-v3-old"
        return 200, {name: {"aliases": {"unit-search-v3": {}}}}

    recorder.on("GET", "/_alias/unit-search-v3", aliases)
    assert make_engine(recorder).rebuild([document(title="Library placement")], current=None) == 1
    assert len(recorder.made("POST", "/_aliases")) == 2 and recorder.made("DELETE") == []


def test_after_the_swap_a_rebuild_catches_up_with_writes_made_meanwhile():
    changed, kept, added = (document(title=t) for t in ("Changed", "Kept", "Added during the rebuild"))
    now = [dataclasses.replace(changed, title="Changed during the rebuild"), kept, added]
    recorder = rebuildable(Recorder())
    # What the new index holds after the swap: the rebuild's snapshot, and one item deleted since.
    scrolled(
        recorder,
        {changed.key: (changed.doc_hash, 7), kept.key: (kept.doc_hash, 8), "testing.item:deleted": ("x", 9)},
    )
    recorder.on("PUT", "/_bulk", bulk_ok, bulk_failing(409, "version_conflict_engine_exception"))
    make_engine(recorder).rebuild([changed, kept], current=lambda: now)
    fill, catch_up = recorder.made("PUT", "/_bulk")
    assert catch_up.params["require_alias"] == "true"
    assert bulk_actions(catch_up) == [
        ("index", {"_index": "unit-search-v3", "_id": changed.key, "if_seq_no": 7, "if_primary_term": 1}),
        ("create", {"_index": "unit-search-v3", "_id": added.key}),
        (
            "delete",
            {"_index": "unit-search-v3", "_id": "testing.item:deleted", "if_seq_no": 9, "if_primary_term": 1},
        ),
    ]
    assert catch_up.body[1]["title"] == "Changed during the rebuild"
    # Every catch-up action met a newer write (409): skipped, not an error (the call returned).


# The circuit breaker ---------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.django_db
def test_after_a_connection_error_the_cluster_rests_then_one_trial_reopens_it():
    database_engine().upsert([document(title="Library placement")])
    recorder = Recorder().on("POST", "/unit-search-v3/_search", TransportConnectionError("refused"))
    engine = make_engine(recorder, retry_after=30.0)
    engine.breaker.clock = clock = Clock()
    searches = FallbackEngine(engine, database_engine())

    assert searches.search(query()).fell_back
    assert len(recorder.requests) == 1 and engine.breaker.is_open
    for _ in range(3):  # resting: no request at all, the database answers at once
        assert searches.search(query()).fell_back
        assert searches.suggest("libr")[0]["title"] == "Library placement"
    with pytest.raises(ClusterResting):
        engine.upsert([document(title="Highways placement")])  # writes rest too
    assert len(recorder.requests) == 1

    clock.now += 31  # the pause is over: one trial, which fails, and the cluster rests again
    assert searches.search(query()).fell_back
    assert len(recorder.requests) == 2 and engine.breaker.is_open
    assert searches.search(query()).fell_back and len(recorder.requests) == 2

    clock.now += 31  # the next trial succeeds: closed again
    recorder.on("POST", "/unit-search-v3/_search", search_answer())
    assert not searches.search(query()).fell_back
    assert not engine.breaker.is_open
    searches.search(query())
    assert len(recorder.requests) == 4


def test_only_failures_to_answer_open_the_breaker():
    recorder = Recorder()
    engine = make_engine(recorder)
    for answer in [not_found(), (400, {"error": {"type": "parsing_exception"}})]:
        recorder.on("POST", "/unit-search-v3/_search", answer)
        with pytest.raises(elastic_module.ApiError):
            engine.search(query())
        assert not engine.breaker.is_open
    for answer in [(503, {"error": "unavailable"}), ConnectionTimeout("timed out")]:
        engine.breaker._record(failed=False)
        recorder.on("POST", "/unit-search-v3/_search", answer)
        with pytest.raises(elastic_module.ELASTICSEARCH_ERRORS):
            engine.search(query())
        assert engine.breaker.is_open


def test_while_a_trial_runs_other_calls_keep_resting():
    breaker = elastic_module.CircuitBreaker(pause=30, clock=Clock())
    breaker._record(failed=True)
    breaker.clock.now += 31
    # During the trial (the first guard) another call is refused at once.
    with breaker.guard(), pytest.raises(ClusterResting), breaker.guard():
        pass
    assert not breaker.is_open


# search_index ----------------------------------------------------------------------------


@pytest.fixture
def recorded_cluster(settings, monkeypatch) -> Recorder:
    """The command's engine talks to a recorder instead of a cluster."""
    recorder = Recorder()
    settings.ELASTICSEARCH_URL = recorder.url
    settings.ELASTICSEARCH_INDEX_PREFIX = "unit"
    monkeypatch.setattr(elastic_module, "client_for", lambda url: recorder.client())
    return recorder


@pytest.mark.django_db
def test_a_failed_bulk_write_in_a_rebuild_is_a_clear_error_without_an_orphan_index(recorded_cluster, bank):
    rebuildable(recorded_cluster).on(
        "PUT", "/_bulk", bulk_failing(400, "document_parsing_exception", "bad date")
    )
    resource(bank, title="Library placement")
    with pytest.raises(CommandError) as raised:
        call_command("search_index", "--rebuild", "--engine", "elasticsearch", stdout=StringIO())
    message = str(raised.value)
    assert message.startswith("elasticsearch:") and "bad date" in message and "(400)" in message
    (created,) = recorded_cluster.made("PUT", INDEX)
    assert [r.path for r in recorded_cluster.made("DELETE")] == [created.path]


@pytest.mark.django_db
def test_a_failed_scan_in_check_is_a_clear_error(recorded_cluster):
    status, half_answered = scan_answer({"testing.item:1": ("abc", 1)})
    half_answered["_shards"] = {"total": 2, "successful": 1, "skipped": 0, "failed": 1}
    scrolled(recorded_cluster, {}).on("POST", "/unit-search-v3/_search", (status, half_answered))
    with pytest.raises(CommandError, match=r"^elasticsearch: .*shards"):
        call_command("search_index", "--check", "--engine", "elasticsearch", stdout=StringIO())


def verify_cluster(recorder: Recorder) -> Recorder:
    """Scripted answers for --verify's temporary index: created, filled, swapped, found by its
    alias when dropped, and every search refused as a bad request (this is no cluster: no case
    can pass here)."""
    created: list[str] = []

    def create(request: Request) -> tuple[int, dict]:
        created.append(request.path.lstrip("/"))
        return 200, {"acknowledged": True}

    def aliases(request: Request) -> tuple[int, dict]:
        alias = request.path.rsplit("/", 1)[-1]
        return (
            (200, {created[-1]: {"aliases": {alias: {}}}})
            if recorder.made("POST", "/_aliases")
            else not_found()
        )

    return (
        recorder.on("PUT", r"/unit-verify-\w+-search-v3-\d+", create)
        .on("PUT", "/_bulk", bulk_ok)
        .on("POST", r"/unit-verify-\w+-search-v3-\d+/_refresh", (200, {}))
        .on("GET", r"/_alias/unit-verify-\w+-search-v3", aliases)
        .on("POST", "/_aliases", (200, {"acknowledged": True}))
        .on("POST", r"/unit-verify-\w+-search-v3/_search", (400, {"error": {"type": "parsing_exception"}}))
        .on("DELETE", r"/unit-verify-\w+-search-v3-\d+", (200, {"acknowledged": True}))
    )


@pytest.mark.django_db
def test_verify_runs_every_case_in_a_temporary_index_and_deletes_it(recorded_cluster):
    from search.engines.cases import CASES, CORPUS

    verify_cluster(recorded_cluster)
    out = StringIO()
    with pytest.raises(CommandError, match=f"{len(CASES)} of {len(CASES)} cases failed"):
        call_command("search_index", "--verify", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(CASES)
    for line, case in zip(lines, CASES, strict=True):
        assert line.startswith(f"FAIL  {case.name}: Elasticsearch: ") and "parsing_exception" in line
    (bulk,) = recorded_cluster.made("PUT", "/_bulk")
    assert sorted(meta["_id"] for _, meta in bulk_actions(bulk)) == sorted(d.key for d in CORPUS)
    (created,) = recorded_cluster.made("PUT", r"/unit-verify-\w+-search-v3-\d+")
    assert [r.path for r in recorded_cluster.made("DELETE")] == [created.path]
    searched = recorded_cluster.made("POST", r"/unit-verify-\w+-search-v3/_search")
    assert searched and all(r.path.startswith("/unit-verify-") for r in searched)  # never the live alias


@pytest.mark.django_db
def test_verify_against_an_unreachable_cluster_is_a_clear_error(recorded_cluster):
    recorded_cluster.on("PUT", r"/unit-verify-\w+-search-v3-\d+", TransportConnectionError("refused"))
    recorded_cluster.on("GET", r"/_alias/unit-verify-\w+-search-v3", TransportConnectionError("refused"))
    recorded_cluster.on("DELETE", r"/unit-verify-\w+-search-v3-\d+", TransportConnectionError("refused"))
    with pytest.raises(CommandError, match="could not build the test index"):
        call_command("search_index", "--verify", stdout=StringIO(), stderr=StringIO())


def test_verify_needs_a_cluster(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_index", "--verify")


def test_a_missing_scroll_index_reads_as_empty():
    recorder = Recorder().on("POST", "/unit-search-v3/_search", not_found())
    assert make_engine(recorder).indexed_hashes() == {}
