from collections.abc import Iterator

import feedparser
import pytest

from portal.home.models import HomePage
from resources.models import ResourceIndexPage
from tests.resources import factories
from tests.shared_data import built_once
from tests.tasks import commit

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_bank(django_db_setup, django_db_blocker) -> Iterator[int]:
    """Three live resources and a draft, built once for the module (tests/shared_data.py): the
    tests only read them through the feeds and the listing. The on-commit callbacks of their
    publishing are run here, as the commit would (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        index = _build_bank(HomePage.objects.get())
        commit()
        yield index.pk


@pytest.fixture
def bank(built_bank, db) -> ResourceIndexPage:
    """The resource bank, read afresh for each test."""
    return ResourceIndexPage.objects.get(pk=built_bank)


def _build_bank(home: HomePage) -> ResourceIndexPage:
    index = factories.resource_index(home)
    factories.resource(index, title="Placement prep", benchmarks=[6], key_stages=["KS4"])
    factories.resource(index, title="Sixth form placements", benchmarks=[6], key_stages=["KS5"])
    factories.resource(index, title="Speed networking", benchmarks=[5], key_stages=["KS4"])
    factories.resource(index, title="Unpublished draft", benchmarks=[6], key_stages=["KS4"], live=False)
    return index


def parse(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_resource_feed_is_valid_atom_with_the_listings_filters(client, bank):
    feed = parse(client.get("/resources/feed/?benchmark=6&key_stage=KS4"))
    assert [entry.title for entry in feed.entries] == ["Placement prep"]
    entry = feed.entries[0]
    assert entry.link.endswith("/resources/placement-prep/") or "/resources/" in entry.link
    assert entry.updated and entry.id
    assert "benchmark=6" in feed.feed.link


def test_unfiltered_feed_lists_every_live_resource_newest_first(client, bank):
    feed = parse(client.get("/resources/feed/"))
    assert [entry.title for entry in feed.entries] == [
        "Speed networking",
        "Sixth form placements",
        "Placement prep",
    ]


def test_bad_filter_values_are_ignored_not_an_error(client, bank):
    feed = parse(client.get("/resources/feed/?benchmark=99&key_stage=%00"))
    assert len(feed.entries) == 3


def test_search_feed_uses_the_search_contract(client, bank):
    feed = parse(client.get("/search/feed/?q=networking"))
    assert [entry.title for entry in feed.entries] == ["Speed networking"]


def test_listing_links_its_feed_and_alerts(client, bank):
    html = client.get("/resources/?benchmark=6&page=1").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/resources/feed/?benchmark=6"' in html
    assert "/alerts/new/?source=resources&amp;benchmark=6" in html
    assert "Get email alerts for this search" in html


def test_feed_of_a_page_that_is_not_a_listing_is_left_to_wagtail(client, bank):
    assert client.get("/resources/placement-prep/feed/").status_code == 404
