"""The in-memory facet index behind every listing: counts follow the portal's facet rule, pages
come in each sort's order, `within` narrows, and a new content version rebuilds it."""

from collections.abc import Iterator

import pytest
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from portal.core.caching import content_version
from portal.home.models import HomePage
from portal.listings.facet_index import FacetIndex, bitset, rows, set_bits
from portal.listings.facets import FacetedQuery
from resources.filters import SORTS, resource_facets
from resources.models import ResourceIndexPage, ResourcePage
from tests.resources import factories
from tests.shared_data import built_once
from tests.tasks import commit

pytestmark = pytest.mark.django_db

ORDERINGS = {key: sort.ordering for key, sort in SORTS.items()}


def test_set_bits_pages_through_the_set_bits_in_order():
    bits = bitset([3, 5, 8, 13, 5000, 9000])
    assert set_bits(bits, 0, 3) == [3, 5, 8]
    assert set_bits(bits, 3, 10) == [13, 5000, 9000]  # skips whole chunks to reach a deep page
    assert set_bits(bits, 6, 5) == []
    assert set_bits(0, 0, 5) == []


@pytest.fixture(scope="module")
def built_bank(django_db_setup, django_db_blocker) -> Iterator[int]:
    """Three live resources and a draft, built once for the module (tests/shared_data.py); the
    page one test adds and the restriction another sets are rolled back. The on-commit callbacks
    of their publishing are run here, as the commit would (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        index = _build_bank(HomePage.objects.get())
        commit()
        yield index.pk


@pytest.fixture
def bank(built_bank, db) -> ResourceIndexPage:
    """The resource bank, read afresh for each test: one test adds a page under it
    (docs/test-suite.md)."""
    return ResourceIndexPage.objects.get(pk=built_bank)


def _build_bank(home: HomePage) -> ResourceIndexPage:
    index = factories.resource_index(home)
    factories.resource(index, title="Alpha", benchmarks=[6], key_stages=["KS4"], tags=["fair"])
    factories.resource(index, title="Bravo", benchmarks=[6, 7], key_stages=["KS5"])
    factories.resource(index, title="Charlie", benchmarks=[2], key_stages=["KS4"], tags=["fair"])
    factories.resource(index, title="Delta", benchmarks=[2], key_stages=["KS3"], live=False)
    return index


def _select(index_page, params: str, sort: str = "title", within=None):
    query = FacetedQuery.from_params(resource_facets(), QueryDict(params))
    index = FacetIndex.build("test", index_page.live_resources(), resource_facets(), ORDERINGS)
    return index.select(query, sort, within=within)


def _counts(selection, param: str) -> dict[str, int]:
    return {option.value: option.count for option in selection.facets[param] if option.count}


def test_each_facet_is_counted_with_the_other_facets_applied(bank):
    selection = _select(bank, "benchmark=6&key_stage=KS4")
    assert [page.title for page in selection.page(1, 20, rows(ResourcePage, lambda qs: qs))] == ["Alpha"]
    # Benchmark counts ignore the ticked benchmark but keep KS4; key stage counts the reverse.
    assert _counts(selection, "benchmark") == {"6": 1, "2": 1}
    assert _counts(selection, "key_stage") == {"KS4": 1, "KS5": 1}
    assert _counts(selection, "tag") == {"fair": 1}


def test_drafts_are_never_indexed_and_values_of_one_facet_are_alternatives(bank):
    selection = _select(bank, "benchmark=2&benchmark=7")
    assert selection.total == 2  # Bravo (7) and Charlie (2); Delta is a draft
    assert "KS3" not in _counts(selection, "key_stage")


def test_pages_follow_the_sort_and_within_narrows(bank):
    titles = lambda selection: [p.title for p in selection.page(1, 2, rows(ResourcePage, lambda qs: qs))]  # noqa: E731
    everything = _select(bank, "")
    assert titles(everything) == ["Alpha", "Bravo"]
    assert [p.title for p in everything.page(2, 2, rows(ResourcePage, lambda qs: qs))] == ["Charlie"]
    charlie = ResourcePage.objects.get(title="Charlie").pk
    narrowed = _select(bank, "", within=[charlie])
    assert titles(narrowed) == ["Charlie"] and _counts(narrowed, "benchmark") == {"2": 1}


def test_a_new_content_version_rebuilds_the_index(bank):
    before = bank.facet_index()
    assert bank.facet_index() is before  # nothing changed: the same index, no rebuild
    factories.resource(bank, title="Echo", benchmarks=[6])  # the rebuild task runs (immediate backend)
    after = bank.facet_index()
    assert after is not before and after.version == str(content_version()) and after.live is None
    assert after.select(FacetedQuery(resource_facets()), "title").total == 4


def test_an_index_survives_the_trip_through_bytes(bank):
    index = FacetIndex.build("v1", bank.live_resources(), resource_facets(), ORDERINGS)
    loaded = FacetIndex.loads(index.dumps())
    laid_out = lambda i: {sort: (list(layout.ids), layout.values) for sort, layout in i.layouts.items()}  # noqa: E731
    assert (loaded.version, loaded.built_at, loaded.labels) == (index.version, index.built_at, index.labels)
    assert laid_out(loaded) == laid_out(index)
    query = FacetedQuery.from_params(resource_facets(), QueryDict("benchmark=6"))
    assert _counts(loaded.select(query, "title"), "key_stage") == _counts(
        index.select(query, "title"), "key_stage"
    )
    assert FacetIndex.loads(b"not an index") is None


def test_making_a_page_private_changes_the_content_version(bank):
    before = content_version()
    PageViewRestriction.objects.create(page=bank, restriction_type=PageViewRestriction.LOGIN)
    assert content_version() != before
