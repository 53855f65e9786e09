"""Facet indexes are rebuilt by a task, not by a visitor: until the new build is ready a listing
answers from the previous one, never showing an item that is no longer live, and a process loads
the new build from the shared cache once the worker has written it."""

import time

import pytest
from django.core.cache import cache

from portal.core.caching import content_version
from portal.listings import index_builds
from portal.listings.facet_index import FacetIndex
from portal.listings.index_builds import rebuild_listings
from resources.models import ResourcePage
from tests.resources import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(home):
    index = factories.resource_index(home)
    factories.resource(index, title="Alpha resource", benchmarks=[6])
    factories.resource(index, title="Bravo resource", benchmarks=[6])
    return index


def queued(backend) -> list[str]:
    """The rebuilds queued (Wagtail queues its own tasks too)."""
    return [result.task.name for result in backend.results if result.task.name == "rebuild_listings"]


def test_a_change_queues_one_rebuild_however_many_changes_follow(bank, queued_only):
    factories.resource(bank, title="Charlie resource")
    ResourcePage.objects.get(title="Alpha resource").unpublish()
    assert queued(queued_only) == ["rebuild_listings"]  # coalesced until the worker starts it
    rebuild_listings.call()
    ResourcePage.objects.get(title="Bravo resource").unpublish()
    assert queued(queued_only) == ["rebuild_listings", "rebuild_listings"]


def test_until_the_rebuild_runs_the_previous_build_is_served_without_unpublished_items(
    client, bank, queued_only
):
    assert "Alpha resource" in client.get("/resources/").content.decode()  # first build
    ResourcePage.objects.get(title="Alpha resource").unpublish()
    stale = bank.facet_index()
    assert stale.version != str(content_version()) and stale.live is not None
    html = client.get("/resources/").content.decode()
    assert "Alpha resource" not in html and "Bravo resource" in html

    assert rebuild_listings.call() == [f"resources:{bank.pk}"]  # the worker
    index_builds.refresh_pending()  # the web process's refresher thread
    current = bank.facet_index()
    assert current.version == str(content_version()) and current.live is None
    assert current.select(bank_query(), "title").total == 1


def test_a_page_answered_from_the_previous_build_is_not_kept_in_the_page_cache(client, bank, queued_only):
    """Else the page cache, keyed by the content version, would keep the previous build's results
    for the whole version: a resource published and built would stay missing until the next change."""
    client.get("/resources/")
    factories.resource(bank, title="Charlie resource", benchmarks=[6])  # queued, not yet built
    provisional = client.get("/resources/?benchmark=6")
    assert "Charlie resource" not in provisional.content.decode()
    assert "no-cache" in provisional["Cache-Control"] and provisional["X-Cache"] == "miss"

    rebuild_listings.call()
    index_builds.refresh_pending()
    current = client.get("/resources/?benchmark=6")
    assert "Charlie resource" in current.content.decode()
    assert current["X-Cache"] == "miss" and "no-cache" not in current["Cache-Control"]
    assert client.get("/resources/?benchmark=6")["X-Cache"] == "hit"
    assert client.get("/resources/?benchmark=6")["X-Cache"] == "hit"


def test_a_process_behind_takes_a_later_shared_build_even_when_another_change_followed(bank, queued_only):
    """Another process built after one change, then a second change came: this process answers
    from that later build (which has the first change) rather than from its own older one."""
    bank.facet_index()  # this process's build, before both changes
    factories.resource(bank, title="Charlie resource")
    elsewhere = bank.facet_listings()[0]
    index_builds.share(elsewhere.name, elsewhere.build())  # the worker, in another process
    factories.resource(bank, title="Delta resource")  # queued, not yet built

    served = bank.facet_index()
    assert served.version == elsewhere.version != str(content_version())
    assert served.live is not None  # still checked against live rows
    assert served.select(bank_query(), "title").total == 3  # Alpha, Bravo and Charlie


def bank_query():
    from portal.listings.facets import FacetedQuery
    from resources.filters import resource_facets

    return FacetedQuery(resource_facets())


def test_the_rebuild_is_cheap_to_run_twice_and_skips_listings_nobody_has_asked_for(
    bank, queued_only, django_assert_num_queries
):
    with django_assert_num_queries(0):  # no process has served a listing yet: nothing to read
        assert rebuild_listings.call() == []
    assert rebuild_listings.call(everything=True) == [f"resources:{bank.pk}"]
    assert rebuild_listings.call() == []  # already shared at this version
    factories.resource(bank, title="Charlie resource")
    assert rebuild_listings.call() == [f"resources:{bank.pk}"]


def test_a_new_process_starts_from_the_shared_build_without_building(bank, queued_only, monkeypatch):
    rebuild_listings.call(everything=True)
    index_builds.forget()  # as a freshly started process
    monkeypatch.setattr(FacetIndex, "build", lambda *a, **k: pytest.fail("built in the request"))
    assert bank.facet_index().version == str(content_version())
    factories.resource(bank, title="Charlie resource")  # queued, not run
    index_builds.forget()
    served = bank.facet_index()  # the earlier shared build, checked against live rows
    assert served.version != str(content_version()) and served.live is not None


def test_with_no_build_anywhere_the_first_request_builds_and_shares_it(bank, queued_only):
    assert index_builds.shared_version(f"resources:{bank.pk}") is None
    bank.facet_index()
    assert index_builds.shared_version(f"resources:{bank.pk}")[0] == str(content_version())


def test_without_a_worker_the_refresher_builds_after_waiting(bank, queued_only, monkeypatch):
    bank.facet_index()
    factories.resource(bank, title="Charlie resource")
    assert bank.facet_index().live is not None
    index_builds.refresh_pending()  # the worker has written nothing: keep waiting
    assert bank.facet_index().live is not None
    monkeypatch.setattr(index_builds, "FALLBACK_SECONDS", -1.0)
    index_builds.refresh_pending()
    assert bank.facet_index().live is None
    assert bank.facet_index().select(bank_query(), "title").total == 3


def test_a_cache_outage_degrades_to_building_in_the_process(bank, queued_only, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "set_many", "add"):
        monkeypatch.setattr(cache, name, down)
    index_builds.schedule_rebuild()  # logged, not raised
    assert index_builds.load_shared(f"resources:{bank.pk}") is None


@pytest.mark.refresher_thread
def test_the_refresher_thread_loads_the_workers_build_off_the_request_thread(bank, queued_only):
    bank.facet_index()
    factories.resource(bank, title="Charlie resource")  # queued, not yet built
    assert bank.facet_index().live is not None  # behind: the refresher thread is asked to look
    listing = bank.facet_listings()[0]
    index_builds.share(listing.name, listing.build())  # the worker, in another process

    deadline = time.monotonic() + 10
    while index_builds._indexes[listing.name].version != listing.version and time.monotonic() < deadline:
        time.sleep(0.05)
    assert index_builds._indexes[listing.name].version == listing.version
    index_builds.forget()  # ends the thread once its pass is done
    assert index_builds._refresher is None


def test_a_listing_whose_shared_build_was_evicted_is_built_by_the_worker_when_a_process_falls_behind(
    bank, queued_only
):
    """The worker's rebuild skips listings with no shared build (nobody has asked for them); one
    evicted from the cache is asked for, so the process behind asks the worker for it by name
    rather than waiting FALLBACK_SECONDS to build it itself."""
    name = f"resources:{bank.pk}"
    bank.facet_index()
    cache.delete_many([f"{index_builds.PREFIX}{name}", f"{index_builds.PREFIX}{name}:meta"])  # evicted
    factories.resource(bank, title="Charlie resource")
    assert rebuild_listings.call() == []  # the change's rebuild: nothing shared to rebuild

    assert bank.facet_index().live is not None  # behind, and nothing shared to catch up from
    asked = [r for r in queued_only.results if r.task.name == "rebuild_listings" and r.kwargs.get("names")]
    assert [r.kwargs["names"] for r in asked] == [[name]]
    bank.facet_index()
    assert len([r for r in queued_only.results if r.kwargs.get("names")]) == 1  # asked once

    assert rebuild_listings.call(names=[name]) == [name]  # the worker
    index_builds.refresh_pending()
    assert bank.facet_index().live is None
    assert bank.facet_index().select(bank_query(), "title").total == 3
