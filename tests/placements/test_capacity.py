"""Places taken live outside page revisions: publishing, reverting, removing a window or copying
a page never changes them, and the database refuses to oversubscribe a window."""

import datetime
from collections.abc import Iterator

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F

from placements.booking import DecisionError, decide
from placements.models import AvailabilityWindow, PlacementPage, RequestEvent, RequestStatus, WindowCapacity
from portal.home.models import HomePage
from tests.shared_data import built_once

from .factories import FUTURE, capacity, host_team, placement, placement_request

pytestmark = pytest.mark.django_db
HOST = RequestEvent.Actor.HOST_TEAM


@pytest.fixture(scope="module")
def built_listing(django_db_setup, django_db_blocker) -> Iterator[int]:
    """One live placement with one window of 3 places, built once for the module
    (tests/shared_data.py): each test's requests, revisions and copies are rolled back."""
    with built_once(django_db_blocker):
        yield placement(host_team(HomePage.objects.get())).pk


@pytest.fixture
def listing(built_listing, db) -> PlacementPage:
    """The placement, read afresh: tests publish revisions of it and copy it beside itself
    (docs/test-suite.md)."""
    return PlacementPage.objects.get(pk=built_listing)


def accept(request_id: int):
    return decide(request_id, "accept", actor=HOST)


def test_publishing_creates_one_capacity_row_per_window(listing):
    window = listing.windows.get()
    row = WindowCapacity.objects.get(page=listing)
    assert (row.key, row.places, row.places_taken, row.start_date) == (window.key, 3, 0, window.start_date)
    assert row.placement_title == listing.title


def edited(listing, **changes) -> PlacementPage:
    """The page as the editor would submit it, with its (only) window changed."""
    draft = PlacementPage.objects.get(pk=listing.pk)
    windows = list(draft.windows.all())
    for name, value in changes.items():
        setattr(windows[0], name, value)
    draft.windows = windows
    return draft


def test_publishing_a_new_revision_keeps_taken_places(listing):
    accept(placement_request(capacity(listing), young_people=2).pk)
    draft = edited(listing, places=5, days_and_hours="Mondays only")
    draft.title = "Renamed placement"
    draft.save_revision().publish()

    row = capacity(listing)
    assert (row.places_taken, row.places, row.days_and_hours, row.placement_title) == (
        2,
        5,
        "Mondays only",
        "Renamed placement",
    )
    assert WindowCapacity.objects.count() == 1


def test_reverting_to_an_old_revision_keeps_taken_places_and_never_drops_below_them(listing):
    first_revision = listing.latest_revision  # 3 places, none taken
    accept(placement_request(capacity(listing), young_people=2).pk)
    first_revision.publish()  # what an editor's "revert and publish" does

    row = capacity(listing)
    assert row.places_taken == 2
    assert row.places == 3


def test_reverting_to_fewer_places_than_taken_keeps_enough_places(listing):
    small = edited(listing, places=1).save_revision()
    edited(listing, places=3).save_revision().publish()
    accept(placement_request(capacity(listing), young_people=3).pk)

    small.publish()  # would advertise 1 place while 3 are taken

    row = capacity(listing)
    assert (row.places, row.places_taken, row.places_left) == (3, 3, 0)


def test_removing_a_window_withdraws_it_but_keeps_its_requests(listing):
    request = placement_request(capacity(listing))
    decide(request.pk, "decline", actor=HOST)
    draft = PlacementPage.objects.get(pk=listing.pk)
    draft.windows = [
        AvailabilityWindow(start_date=FUTURE, end_date=FUTURE, days_and_hours="Tuesday", places=1)
    ]
    draft.save_revision().publish()

    request.refresh_from_db()
    assert request.window.withdrawn is True
    assert WindowCapacity.objects.filter(page=listing, withdrawn=False).count() == 1
    assert list(listing.open_capacities().values_list("places", flat=True)) == [1]


def test_restoring_a_removed_window_brings_back_its_places(listing):
    old = listing.latest_revision
    accept(placement_request(capacity(listing), young_people=1).pk)
    draft = PlacementPage.objects.get(pk=listing.pk)
    draft.windows = [
        AvailabilityWindow(start_date=FUTURE, end_date=FUTURE, days_and_hours="Tuesday", places=1)
    ]
    draft.save_revision().publish()
    old.publish()

    restored = WindowCapacity.objects.get(key=old.as_object().windows.get().key)
    assert (restored.withdrawn, restored.places_taken) == (False, 1)


def test_copying_a_page_gives_the_copy_its_own_places(listing):
    accept(placement_request(capacity(listing), young_people=2).pk)
    copy = listing.copy(update_attrs={"slug": "copy-of-placement", "title": "Copy"})
    copy_row = WindowCapacity.objects.get(page=copy)
    assert copy_row.places_taken == 0
    assert capacity(listing).places_taken == 2


def test_the_database_refuses_to_oversubscribe_a_window(listing):
    row = capacity(listing)
    with pytest.raises(IntegrityError), transaction.atomic():
        WindowCapacity.objects.filter(pk=row.pk).update(places_taken=F("places") + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        WindowCapacity.objects.filter(pk=row.pk).update(places_taken=-1)


def test_accepting_takes_places_and_declining_or_cancelling_frees_them(listing):
    row = capacity(listing)
    first, second = placement_request(row, young_people=2), placement_request(row, young_people=1)
    accept(first.pk)
    accept(second.pk)
    assert capacity(listing).places_taken == 3

    decide(first.pk, "decline", actor=HOST)
    assert capacity(listing).places_taken == 1
    decide(second.pk, "cancel", actor=RequestEvent.Actor.REQUESTER)
    assert capacity(listing).places_taken == 0


def test_an_accept_that_would_oversubscribe_changes_nothing(listing):
    row = capacity(listing)
    accept(placement_request(row, young_people=2).pk)
    too_many = placement_request(row, young_people=2)

    with pytest.raises(DecisionError, match="Only 1 place left"):
        accept(too_many.pk)

    too_many.refresh_from_db()
    assert too_many.status == RequestStatus.PENDING
    assert capacity(listing).places_taken == 2
    assert not too_many.events.filter(action="accepted").exists()


def test_a_request_cannot_be_accepted_twice_or_freed_twice(listing):
    request = placement_request(capacity(listing), young_people=2)
    accept(request.pk)
    with pytest.raises(DecisionError, match="accepted"):
        accept(request.pk)
    decide(request.pk, "cancel", actor=HOST)
    with pytest.raises(DecisionError, match="cancelled"):
        decide(request.pk, "decline", actor=HOST)
    assert capacity(listing).places_taken == 0


def test_waitlisted_requests_can_be_accepted_later(listing):
    request = placement_request(capacity(listing))
    decide(request.pk, "waitlist", actor=HOST)
    accept(request.pk)
    assert capacity(listing).places_taken == 1


def test_a_window_that_has_ended_cannot_take_places(listing):
    request = placement_request(capacity(listing))
    WindowCapacity.objects.filter(pk=request.window_id).update(
        end_date=datetime.date.today() - datetime.timedelta(days=1)
    )
    with pytest.raises(DecisionError, match="no longer offered"):
        accept(request.pk)
    assert capacity(listing).places_taken == 0


def test_every_decision_is_recorded_with_who_and_what(listing, django_user_model):
    officer = django_user_model.objects.create_user("officer", password="correct horse battery")
    request = placement_request(capacity(listing))
    decide(request.pk, "accept", actor=HOST, user=officer, note="Arrive at 9:15am.")
    decide(request.pk, "cancel", actor=RequestEvent.Actor.REQUESTER)

    events = list(
        request.events.values_list("action", "actor", "user__username", "from_status", "to_status", "note")
    )
    assert events == [
        ("created", "requester", None, "", "pending", ""),
        ("accepted", "host-team", "officer", "pending", "accepted", "Arrive at 9:15am."),
        ("cancelled", "requester", None, "accepted", "cancelled", ""),
    ]


def test_a_window_cannot_offer_fewer_places_than_are_taken(listing):
    accept(placement_request(capacity(listing), young_people=2).pk)
    window = listing.windows.get()
    window.places = 1
    with pytest.raises(Exception, match="2 places are already taken"):
        window.full_clean()
