"""The placement page a school reads: windows with places left, the Benchmark 6 checklist as met
or not met, location and adjustments; the host team page; the search protocol."""

import datetime
from collections.abc import Iterator

import pytest

from placements.booking import decide
from placements.models import PlacementPage, RequestEvent
from portal.home.models import HomePage
from tests.shared_data import built_once

from .factories import capacity, host_team, placement, placement_request

pytestmark = pytest.mark.django_db
SOON = datetime.date.today() + datetime.timedelta(days=20)


@pytest.fixture(scope="module")
def built_listing(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The highways team's listing, built once for the module (tests/shared_data.py): each test's
    requests and decisions are rolled back. No test runs run_tasks() or commit(); the one that
    captures on-commit callbacks runs only those its own decisions register, so the callbacks of
    this build stay pending, as they did when each test built its own (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        yield _engineering_week(HomePage.objects.get()).pk


@pytest.fixture
def listing(built_listing, db) -> PlacementPage:
    """The module's listing, read afresh for each test."""
    return PlacementPage.objects.get(pk=built_listing)


def _engineering_week(home: HomePage) -> PlacementPage:
    return placement(
        host_team(home, "highways", name="Highways and Transport"),
        title="Engineering week",
        key_stages=("KS5",),
        adjustments=("step-free",),
        criteria=("b6-clear-purpose", "b6-feedback"),
        windows=(
            (SOON, SOON + datetime.timedelta(days=4), 3),
            (SOON + datetime.timedelta(days=60), SOON + datetime.timedelta(days=61), 1),
        ),
    )


def test_the_page_shows_places_left_per_window(client, listing):
    decide(
        placement_request(capacity(listing, 0), young_people=2).pk,
        "accept",
        actor=RequestEvent.Actor.HOST_TEAM,
    )
    decide(placement_request(capacity(listing, 1)).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    html = client.get(listing.url).content.decode()
    assert "1 of 3" in html and ">Full<" in html
    assert "Ask for places" in html


def test_the_page_shows_every_benchmark_6_criterion_as_met_or_not(client, listing):
    response = client.get(listing.url)
    checklist = response.context["criteria"]
    assert len(checklist) == 7
    assert [c.code for c, met in checklist if met] == ["b6-clear-purpose", "b6-feedback"]
    html = response.content.decode()
    assert html.count(">Met<") == 2 and html.count(">Not met<") == 5


def test_the_page_shows_location_adjustments_and_contact(client, listing):
    html = client.get(listing.url).content.decode()
    for text in (
        "Municipal Buildings",
        "TS18 1LD",
        "Step-free access",
        "highways@example.org",
        "KS5 (Years 12 and 13)",
    ):
        assert text in html


def test_the_host_team_page_lists_its_placements(client, listing):
    html = client.get(listing.get_parent().url).content.decode()
    assert "Engineering week" in html and "Highways and Transport" in html


def test_the_search_document_follows_the_protocol(listing):
    assert PlacementPage.search_type == ("placement", "Work placement")
    document = listing.search_document()
    assert set(document) == {
        "title",
        "summary",
        "body",
        "url",
        "benchmarks",
        "key_stages",
        "audiences",
        "settings",
        "tags",
        "kind",
        "kind_label",
        "date",
        "has_places_left",
    }
    assert (document["kind"], document["kind_label"]) == ("work-placement", "Work placement")
    assert document["title"] == "Engineering week"
    assert "shadow the team" in document["body"] and "<p>" not in document["body"]
    assert (document["benchmarks"], document["key_stages"], document["date"]) == ([6], ["KS5"], SOON)
    assert document["url"].endswith("/placements/highways/" + listing.slug + "/")
    assert "Highways and Transport" in document["tags"] and document["has_places_left"] is True


def test_has_places_left_turns_false_when_full_and_expired_listings_leave_search(listing):
    for position, number in ((0, 3), (1, 1)):
        decide(
            placement_request(capacity(listing, position), young_people=number).pk,
            "accept",
            actor=RequestEvent.Actor.HOST_TEAM,
        )
    assert listing.search_document()["has_places_left"] is False
    decide(
        listing.capacities.get(start_date=SOON).requests.get().pk,
        "decline",
        actor=RequestEvent.Actor.HOST_TEAM,
    )
    assert listing.search_document()["has_places_left"] is True
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=datetime.date(2000, 1, 1))
    assert PlacementPage.objects.get(pk=listing.pk).search_document() == {}


def test_a_change_of_places_is_signalled_after_commit(listing, django_capture_on_commit_callbacks):
    from placements.signals import placement_changed

    received = []

    def listener(sender, page_id, **kwargs):
        received.append(page_id)

    placement_changed.connect(listener)
    try:
        request = placement_request(capacity(listing, 0))
        with django_capture_on_commit_callbacks(execute=True):
            decide(request.pk, "waitlist", actor=RequestEvent.Actor.HOST_TEAM)
        assert received == []  # no places moved
        with django_capture_on_commit_callbacks(execute=True):
            decide(request.pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
        assert received == [listing.pk]
    finally:
        placement_changed.disconnect(listener)


def test_a_placement_must_sit_under_a_host_team_and_gets_its_team(listing):
    assert PlacementPage.parent_page_types == ["placements.HostTeamPage"]
    assert listing.host_team.slug == "highways"
