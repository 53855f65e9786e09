from collections.abc import Iterator

import pytest

from portal.home.models import HomePage
from resources.models import ResourceKind
from tests.listings import result_titles
from tests.shared_data import Kept, afresh, built_once, kept

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_bank(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Four live resources across benchmarks, key stages, types and audiences, and a draft: built
    once for the module (tests/shared_data.py)."""
    with built_once(django_db_blocker):
        yield kept(_build_bank(HomePage.objects.get()))


@pytest.fixture
def bank(built_bank, db) -> dict:
    return afresh(built_bank)


def _build_bank(home: HomePage) -> dict:
    index = factories.resource_index(home)
    made = {
        "b6_ks4": factories.resource(
            index, title="Placement prep", benchmarks=[6], key_stages=["KS4"], tags=["work experience"]
        ),
        "b6_ks5": factories.resource(
            index, title="Sixth form placements", benchmarks=[6], key_stages=["KS5"]
        ),
        "b5_ks4": factories.resource(
            index, title="Speed networking", benchmarks=[5], key_stages=["KS4"], kind=ResourceKind.LESSON_PLAN
        ),
        "b56_ks3": factories.resource(
            index,
            title="Employer project",
            benchmarks=[5, 6],
            key_stages=["KS3", "KS4"],
            audiences=["parents"],
        ),
        "draft": factories.resource(
            index, title="Unpublished draft", benchmarks=[6], key_stages=["KS4"], live=False
        ),
    }
    return {"index": index, **made}


def titles(response) -> set[str]:
    return set(result_titles(response))


def counts(response, param: str) -> dict[str, int]:
    return {o.value: o.count for o in response.context["facets"][param]}


def test_benchmark_6_and_ks4_shows_only_matching_live_resources(client, bank):
    response = client.get("/resources/?benchmark=6&key_stage=KS4")
    assert response.status_code == 200
    assert titles(response) == {"Placement prep", "Employer project"}


def test_values_within_a_filter_are_alternatives(client, bank):
    response = client.get("/resources/?key_stage=KS3&key_stage=KS5")
    assert titles(response) == {"Sixth form placements", "Employer project"}


def test_filters_across_facets_combine(client, bank):
    response = client.get("/resources/?benchmark=5&type=lesson-plan")
    assert titles(response) == {"Speed networking"}
    response = client.get("/resources/?benchmark=6&audience=parents")
    assert titles(response) == {"Employer project"}
    response = client.get("/resources/?tag=work-experience&key_stage=KS4")
    assert titles(response) == {"Placement prep"}


def test_counts_ignore_the_facets_own_selection_but_apply_the_others(client, bank):
    response = client.get("/resources/?benchmark=6&key_stage=KS4")
    # Benchmark counts are for KS4 resources, whichever benchmark is ticked.
    assert counts(response, "benchmark")["5"] == 2
    assert counts(response, "benchmark")["6"] == 2
    # Key stage counts are for benchmark 6 resources; the draft is never counted.
    assert counts(response, "key_stage") == {"EYFS": 0, "KS1": 0, "KS2": 0, "KS3": 1, "KS4": 2, "KS5": 1}
    selected = {o.value for o in response.context["facets"]["key_stage"] if o.selected}
    assert selected == {"KS4"}


def test_the_page_shows_counts_and_the_result_total(client, bank):
    html = client.get("/resources/?benchmark=6").content.decode()
    assert "3 resources" in html
    assert 'value="6" checked' in html
    assert '<option value="recent" selected>' in html
    assert 'href="/resources/">Clear all filters</a>' in html
    assert "Clear all filters" not in client.get("/resources/").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "benchmark=abc",
        "benchmark=9&benchmark=-1&benchmark=6.5",
        "key_stage=KS9",
        "type=%00",
        "page=abc",
        "page=99999",
        "page=-3",
        "sort=drop table",
        "tag=" + "x" * 500,
        "audience=<script>alert(1)</script>",
        "benchmark=6&benchmark=6&benchmark=6",
    ],
)
def test_bad_filter_values_give_200_with_a_message_not_500(client, bank, query):
    response = client.get(f"/resources/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_unknown_value_is_explained_and_the_rest_still_apply(client, bank):
    response = client.get("/resources/?benchmark=6&benchmark=12")
    assert titles(response) == {"Placement prep", "Sixth form placements", "Employer project"}
    assert any("12" in message for message in response.context["query"].messages)


def test_pagination_keeps_the_filters(client, home):
    index = factories.resource_index(home)
    for n in range(25):
        factories.resource(index, title=f"Bulk {n:02d}", benchmarks=[2])
    first = client.get("/resources/?benchmark=2&sort=title")
    second = client.get("/resources/?benchmark=2&sort=title&page=2")
    assert len(result_titles(first)) == 20 and len(result_titles(second)) == 5
    assert "?benchmark=2&amp;sort=title&amp;page=2" in first.content.decode()
    assert titles(first).isdisjoint(titles(second))


def test_filtered_listings_are_not_indexed_by_search_engines(client, bank):
    assert 'content="noindex' in client.get("/resources/?benchmark=6").content.decode()
    assert 'content="noindex' not in client.get("/resources/").content.decode()
