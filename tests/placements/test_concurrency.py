"""Concurrency on PostgreSQL: however accepts, declines and new requests interleave, a window never
has more places taken than it offers, and its count always equals the accepted requests.

These run in real transactions on separate connections (a plain TestCase would wrap every thread
in one transaction and hide the race), so they need PostgreSQL: SQLite runs one writer at a time,
which serialises the race away instead of testing it."""

import datetime
import threading
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.db import connection, connections
from django.db.models import Sum

from placements.booking import DecisionError, NewRequest, decide, submit_request
from placements.models import PlacementRequest, RequestEvent, RequestStatus, WindowCapacity
from portal.taxonomy.models import Setting

from .factories import capacity, host_team, placement, placement_request, school

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HOST = RequestEvent.Actor.HOST_TEAM
SOON = datetime.date.today() + datetime.timedelta(days=30)


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency tests need PostgreSQL (run with scripts/with-postgres): SQLite allows one writer "
            "at a time, so threads cannot interleave inside the conditional UPDATE."
        )


def run_together(work: Callable[[Any], Any], items: Sequence[Any]) -> list[tuple[str, Any]]:
    """Run `work(item)` for every item in its own thread and database connection, all released
    at the same moment by a barrier. Returns ("ok", result) or ("error", exception) per item."""
    barrier = threading.Barrier(len(items))
    results: list[tuple[str, Any]] = [("error", None)] * len(items)

    def worker(index: int, item: Any) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = ("ok", work(item))
        except Exception as exc:  # every outcome, good or bad, is inspected by the test
            results[index] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, item)) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return results


def accept(request_id: int) -> PlacementRequest:
    return decide(request_id, "accept", actor=HOST)


def window_with(home, places: int) -> WindowCapacity:
    return capacity(placement(host_team(home), windows=((SOON, SOON, places),)))


def assert_consistent(window: WindowCapacity) -> None:
    window.refresh_from_db()
    accepted = PlacementRequest.objects.filter(window=window, status=RequestStatus.ACCEPTED)
    assert window.places_taken == (accepted.aggregate(n=Sum("young_people"))["n"] or 0)
    assert window.places_taken <= window.places


def test_fifty_threads_accepting_against_three_places_accept_exactly_three(home):
    window = window_with(home, places=3)
    requests = [placement_request(window, email=f"school{i}@example.org").pk for i in range(50)]

    results = run_together(accept, requests)

    errors = [value for outcome, value in results if outcome == "error"]
    assert sum(outcome == "ok" for outcome, _ in results) == 3
    assert len(errors) == 47 and all(isinstance(e, DecisionError) for e in errors), errors[:3]
    assert PlacementRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 3
    untouched = PlacementRequest.objects.filter(status=RequestStatus.PENDING)
    assert untouched.count() == 47
    assert not RequestEvent.objects.filter(placement_request__in=untouched).exclude(action="created").exists()
    window.refresh_from_db()
    assert window.places_taken == 3
    assert_consistent(window)


def test_bigger_requests_never_squeeze_past_the_last_places(home):
    window = window_with(home, places=5)
    requests = [
        placement_request(window, young_people=2, email=f"school{i}@example.org").pk for i in range(30)
    ]
    results = run_together(accept, requests)
    assert sum(outcome == "ok" for outcome, _ in results) == 2  # 2 + 2; a third would need 6
    window.refresh_from_db()
    assert window.places_taken == 4
    assert_consistent(window)


def test_the_same_request_accepted_by_many_people_at_once_is_accepted_once(home):
    window = window_with(home, places=10)
    request_id = placement_request(window, young_people=3).pk
    results = run_together(accept, [request_id] * 20)
    assert sum(outcome == "ok" for outcome, _ in results) == 1
    window.refresh_from_db()
    assert window.places_taken == 3
    assert RequestEvent.objects.filter(action="accepted").count() == 1


def test_new_requests_arriving_while_others_are_accepted(home):
    window = window_with(home, places=5)
    waiting = [placement_request(window, email=f"early{i}@example.org").pk for i in range(20)]
    mainstream = Setting.objects.get(code="mainstream")
    a_school = school()

    def new_request(i: int) -> PlacementRequest:
        return submit_request(
            NewRequest(
                window=window,
                setting=mainstream,
                school=a_school,
                organisation_name="",
                contact_name="Careers Leader",
                contact_email=f"late{i}@example.org",
                contact_phone="01642 123456",
                young_people=1,
                year_groups=["Y10"],
                adjustments_needed="",
            )
        )

    work = [("accept", pk) for pk in waiting] + [("new", i) for i in range(20)]
    results = run_together(lambda job: accept(job[1]) if job[0] == "accept" else new_request(job[1]), work)

    unexpected = [
        value for outcome, value in results if outcome == "error" and not isinstance(value, DecisionError)
    ]
    assert unexpected == []
    assert PlacementRequest.objects.filter(contact_email__startswith="late").count() == 20
    assert PlacementRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 5
    assert_consistent(window)


def test_declines_and_accepts_interleaved_keep_the_count_true(home):
    window = window_with(home, places=3)
    accepted = [placement_request(window, email=f"first{i}@example.org").pk for i in range(3)]
    for pk in accepted:
        accept(pk)
    waiting = [placement_request(window, email=f"next{i}@example.org").pk for i in range(20)]

    def job(item: tuple[str, int]) -> PlacementRequest:
        action, pk = item
        return decide(pk, action, actor=HOST)

    results = run_together(job, [("decline", pk) for pk in accepted] + [("accept", pk) for pk in waiting])

    assert all(isinstance(v, DecisionError) for outcome, v in results if outcome == "error")
    assert PlacementRequest.objects.filter(pk__in=accepted, status=RequestStatus.DECLINED).count() == 3
    assert_consistent(window)
    window.refresh_from_db()
    assert 0 <= window.places_taken <= 3
