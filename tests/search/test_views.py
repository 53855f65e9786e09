"""/search/, /api/search/ and /api/search/suggest/ (search/views.py, templates/search/)."""

import datetime
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.home.models import HomePage
from search.engines import database_engine
from search.models import SearchTermCount
from tests.resources.factories import resource, resource_index
from tests.shared_data import built_once

from .factories import document

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Three resources and a placement's search document, built once for the module (each test's
    own changes are rolled back to a savepoint)."""
    with built_once(django_db_blocker):
        bank = resource_index(HomePage.objects.get())
        resource(bank, title="Hospital placements for Year 10", benchmarks=(6,), key_stages=("KS4",))
        resource(
            bank, title="Apprenticeships explained", benchmarks=(7,), key_stages=("KS5",), tags=("Post-16",)
        )
        resource(bank, title="<script>alert(1)</script> placements", benchmarks=(6,), key_stages=("KS5",))
        database_engine().upsert(
            [
                document(
                    title="Library placement",
                    has_places_left=True,
                    benchmarks=(6,),
                    date=datetime.date(2026, 5, 1),
                )
            ]
        )
        yield


def test_the_search_page_shows_results_with_types_and_highlights(client, content):
    response = client.get("/search/", {"q": "placements"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "3 results for “placements”" in html
    assert "<mark>placements</mark>" in html
    assert 'govuk-tag govuk-tag--grey">Resource<' in html and ">Work placement<" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_filters_are_govuk_checkboxes_with_counts_that_keep_siblings(client, content):
    html = client.get("/search/", {"q": "placements", "key_stage": "KS4"}).content.decode()
    assert (
        'class="govuk-checkboxes__input" id="key_stage-5" name="key_stage" type="checkbox" value="KS4" checked'
        in html
    )
    # KS5 still shows its count although only KS4 is ticked.
    assert 'value="KS5"' in html and 'KS5 (Years 12 and 13) <span class="portal-count">(1)</span>' in html
    assert "1 result for" in html
    assert "Remove filter: KS4" in html


def test_result_pages_are_noindex_and_the_empty_page_is_not(client, content):
    assert b'name="robots" content="noindex' in client.get("/search/", {"q": "placements"}).content
    assert b'name="robots"' not in client.get("/search/").content


def test_zero_results_page_helps(client, content):
    html = client.get("/search/", {"q": "hospital", "benchmark": "7"}).content.decode()
    assert "0 results" in html
    assert "removing one of the filters listed above" in html
    assert "Remove filter: 7. Encounters with further and higher education" in html
    assert 'href="/resources/benchmarks/"' in html


def test_a_typo_is_corrected_on_the_page(client, content):
    html = client.get("/search/", {"q": "hospitl"}).content.decode()
    assert "Showing results for <strong>hospital</strong>" in html
    assert "1 result for" in html


def test_unknown_filter_values_are_explained_not_errors(client, content):
    response = client.get(
        "/search/", {"benchmark": ["6", "99"], "key_stage": "KS9", "sort": "bogus", "page": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“99” is not a Gatsby Benchmark number (1 to 8) we know" in html
    assert "“KS9” is not a key stage we know" in html


def test_the_api_returns_the_contract(client, content):
    data = client.get("/api/search/", {"q": "placements", "benchmark": "6", "page": "1"}).json()
    assert data["engine"] == "database" and data["fell_back"] is False
    assert data["total"] == 3 and data["page"] == 1 and data["num_pages"] == 1
    assert data["query"]["benchmark"] == ["6"] and data["query"]["q"] == "placements"
    first = data["results"][0]
    assert set(first) == {
        "type", "type_label", "kind", "kind_label", "title", "title_html", "url", "snippet_html",
        "benchmarks", "key_stages", "date", "has_places_left",
    }  # fmt: skip
    benchmark_counts = {o["value"]: o["count"] for o in data["facets"]["benchmark"]}
    assert benchmark_counts["6"] == 3 and benchmark_counts["7"] == 0
    assert {o["value"] for o in data["facets"]["type"]} >= {"resource"}


def test_elasticsearch_down_falls_back_to_the_database_and_says_so(client, content, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # connection refused, for real
    data = client.get("/api/search/", {"q": "placements"}).json()
    assert data["fell_back"] is True and data["engine"] == "database" and data["total"] == 3
    response = client.get("/search/", {"q": "placements"})
    assert "results may be incomplete" in response.content.decode()
    assert "no-store" in response["Cache-Control"]  # a degraded answer is never kept


def test_answers_are_private_to_the_browser(client, content):
    response = client.get("/search/", {"q": "placements"})
    assert "private" in response["Cache-Control"] and "X-Cache" not in response


def test_the_page_runs_a_fixed_number_of_queries(client, bank):
    params = {"q": "placement", "benchmark": "6", "key_stage": "KS4"}

    def queries() -> int:
        client.get("/search/", params)  # warm up: today's count row for the term exists from now on
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", params)
        return len(captured.captured_queries)

    resource(bank, title="Placement one", benchmarks=(6,), key_stages=("KS4",))
    few = queries()
    for n in range(12):
        resource(bank, title=f"Placement {n}", benchmarks=(6,), key_stages=("KS4",), tags=(f"t{n}",))
    assert queries() == few


def test_searches_are_counted_anonymously(client, content):
    client.get("/search/", {"q": "  Placements "})
    client.get("/search/", {"q": "  Placements "})  # the same URL again is searched (and counted) again
    client.get("/api/search/", {"q": "placements"})
    client.get("/search/", {"q": "placements", "page": "2"})  # paging is not another search
    client.get("/search/", {"q": "zebras"})
    counts = {c.term: (c.searches, c.zero_results) for c in SearchTermCount.objects.all()}
    assert counts == {"placements": (3, 0), "zebras": (1, 1)}
    assert [f.name for f in SearchTermCount._meta.fields] == ["id", "day", "term", "searches", "zero_results"]


def test_suggestions_complete_what_is_typed(client, content):
    data = client.get("/api/search/suggest/", {"q": "appren"}).json()
    assert data == {
        "suggestions": [
            {
                "title": "Apprenticeships explained",
                "url": data["suggestions"][0]["url"],
                "type_label": "Resource",
            }
        ]
    }
    assert client.get("/api/search/suggest/", {"q": "a"}).json() == {"suggestions": []}
