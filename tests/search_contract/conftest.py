"""The contract suite runs against every engine: the database engine always (on SQLite, or on
PostgreSQL under scripts/with-postgres), Elasticsearch whenever ELASTICSEARCH_URL is set in the
environment. Without it the Elasticsearch run is skipped, never faked; with it the run is
required (an unreachable cluster fails the tests)."""

import datetime
import functools
import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from django.http import QueryDict
from django.test import override_settings

from portal.home.models import HomePage
from search.contract import SearchQuery, SearchResults
from search.engines import database_engine, search_engine
from search.engines.cases import CORPUS as CASE_CORPUS
from search.engines.cases import Outcome
from search.engines.elastic import ElasticsearchEngine
from search.registry import IndexDocument, all_documents
from tests.resources.factories import resource, resource_index
from tests.search.factories import document

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(scope="module", params=ENGINES)
def engine_name(request) -> str:
    if request.param == "elasticsearch" and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip("ELASTICSEARCH_URL is not set: the Elasticsearch contract run needs a real cluster")
    return request.param


def extra_documents() -> list[IndexDocument]:
    """Content types other than resources, as plain documents (no other app's models needed)."""
    return [
        document(
            title="Library placement with the council",
            summary="A week shelving, cataloguing and helping at storytime.",
            benchmarks=(6,),
            key_stages=("KS4", "KS5"),
            has_places_left=True,
            date=datetime.date(2026, 6, 1),
            tags=(("council", "Council"),),
        ),
        document(
            title="Highways team work placement",
            summary="Surveying roads with the highways engineers.",
            benchmarks=(6,),
            key_stages=("KS5",),
            has_places_left=False,
            date=datetime.date(2026, 5, 1),
            tags=(("council", "Council"),),
        ),
        document(
            title="Careers roadshow",
            search_type="event",
            type_label="Event",
            summary="Employers, colleges and training providers in one hall.",
            benchmarks=(5, 7),
            date=datetime.date(2026, 3, 1),
        ),
        document(
            title="<b>Bold</b> claims about placements",
            search_type="story",
            type_label="Born and Bred story",
            summary="A story with markup in its title.",
        ),
        *[
            document(title=f"Filler activity {n}", search_type="story", type_label="Born and Bred story")
            for n in range(25)
        ],
    ]


RESOURCES = [
    dict(
        title="Meeting the work experience duty",
        kind="guidance",
        benchmarks=(6, 1),
        key_stages=("KS3", "KS4"),
        summary="Two weeks of work experience for Years 10 and 11, planned across the year.",
    ),
    dict(
        title="Preparing pupils for work placements",
        kind="activity",
        benchmarks=(6,),
        key_stages=("KS4",),
        summary="Help pupils get ready to meet their host and set goals.",
    ),
    dict(
        title="Apprenticeships explained for parents",
        kind="guidance",
        benchmarks=(7,),
        key_stages=("KS4", "KS5"),
        audiences=("parents",),
        summary="What an apprenticeship is and how to apply.",
    ),
    dict(
        title="Transition toolkit for SEND",
        kind="toolkit",
        benchmarks=(3,),
        key_stages=("KS4", "KS5"),
        settings=("special",),
        summary="Moving on from school with an education, health and care plan.",
    ),
    dict(
        title="Your options after sixth form",
        kind="lesson-plan",
        benchmarks=(7,),
        key_stages=("KS5",),
        summary="Universities, courses and jobs for Year 13.",
    ),
    dict(
        title="Experience tells us work is changing",
        kind="lesson-plan",
        benchmarks=(4,),
        key_stages=("KS3",),
        summary="How jobs change over a working life.",
    ),
    dict(
        title="Careers programme planner",
        kind="toolkit",
        benchmarks=(1,),
        key_stages=("KS3", "KS4", "KS5"),
        tags=("planning",),
        summary="Plan careers learning for every year group.",
    ),
    dict(
        title="Careers fair checklist",
        kind="toolkit",
        benchmarks=(5,),
        key_stages=("KS4",),
        summary="Everything for a careers fair in the sports hall.",
    ),
]
CORPUS_SIZE = len(RESOURCES) + len(extra_documents())


def engine_settings(engine_name: str) -> override_settings:
    """Settings that select the engine under test, with an index of its own on a cluster."""
    url = os.environ.get("ELASTICSEARCH_URL", "") if engine_name == "elasticsearch" else ""
    return override_settings(
        ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX=f"contract-{uuid.uuid4().hex[:12]}"
    )


@pytest.fixture(scope="module")
def corpus(engine_name, django_db_setup, django_db_blocker) -> Iterator[None]:
    """The same content for every test of a module, indexed once (each test's own changes are
    rolled back), then removed. The settings select the engine under test for the whole module."""
    with django_db_blocker.unblock(), engine_settings(engine_name):
        bank = resource_index(HomePage.objects.get())
        for fields in RESOURCES:
            resource(bank, **fields)
        extra = extra_documents()
        database_engine().upsert(extra)  # the database is always indexed: it is the fallback
        elasticsearch = ElasticsearchEngine.from_settings() if engine_name == "elasticsearch" else None
        if elasticsearch:
            documents = [*all_documents(), *extra]
            elasticsearch.rebuild(documents, current=lambda: documents)
        try:
            yield
        finally:
            if elasticsearch:
                elasticsearch.drop()
            bank.delete()
            database_engine().delete([d.key for d in extra])


@pytest.fixture(scope="module")
def case_corpus(engine_name, django_db_setup, django_db_blocker) -> Iterator[None]:
    """The fixed corpus of search/engines/cases.py (what `search_index --verify` indexes), on
    the engine under test and, as always, on the database."""
    with django_db_blocker.unblock(), engine_settings(engine_name):
        database_engine().upsert(CASE_CORPUS)
        elasticsearch = ElasticsearchEngine.from_settings() if engine_name == "elasticsearch" else None
        if elasticsearch:
            elasticsearch.rebuild(CASE_CORPUS, current=None)
        try:
            yield
        finally:
            if elasticsearch:
                elasticsearch.drop()
            database_engine().delete([d.key for d in CASE_CORPUS])


def search_with(engine_name: str, params: str = "", **values: str | list[str]) -> SearchResults:
    """Search with URL-style parameters on the engine under test, which must answer itself."""
    query_dict = QueryDict(params, mutable=True)
    for key, value in values.items():
        query_dict.setlist(key, value if isinstance(value, list) else [value])
    query, messages = SearchQuery.from_params(query_dict)
    results = search_engine().search(query)
    assert results.engine == engine_name and not results.fell_back
    results.messages = messages + results.messages
    return results


@pytest.fixture
def find(engine_name, corpus) -> Callable[..., SearchResults]:
    return functools.partial(search_with, engine_name)


@pytest.fixture
def find_case(engine_name, case_corpus) -> Callable[..., Outcome]:
    return lambda **values: Outcome.of(search_with(engine_name, **values))
