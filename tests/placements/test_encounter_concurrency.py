"""Two schools can never oversubscribe an encounter: schools asking a host to come to them (a talk
in school, for a number of pupils, each with its own date range) accepted at the same moment by
the host's staff take places through the same conditional UPDATE as placements. PostgreSQL only
(see test_concurrency)."""

import datetime

import pytest
from django.db import connection

from placements.booking import DecisionError, NewRequest, decide, submit_request
from placements.models import PlacementRequest, RequestEvent, RequestStatus
from portal.taxonomy.models import Setting

from .factories import capacity, host_team, placement, school
from .test_concurrency import assert_consistent, run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SOON = datetime.date.today() + datetime.timedelta(days=30)


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Concurrency tests need PostgreSQL (run with scripts/with-postgres).")


def ask(window, number: int, urn: str) -> PlacementRequest:
    """A school's request for the host to come, for `number` pupils, any day in its first week."""
    return submit_request(
        NewRequest(
            window=window,
            setting=Setting.objects.get(code="mainstream"),
            school=school(f"School {urn}", urn),
            organisation_name="",
            contact_name="Careers Leader",
            contact_email=f"careers@{urn}.example.org",
            contact_phone="01642 123456",
            young_people=number,
            year_groups=["Y8"],
            adjustments_needed="",
            preferred_from=SOON,
            preferred_to=SOON + datetime.timedelta(days=6),
        )
    )


def talk(home, pupils: int):
    page = placement(
        host_team(home, "highways"),
        kind="talk-in-school",
        key_stages=("KS3",),
        criteria=("b5-clear-purpose",),
        windows=((SOON, SOON + datetime.timedelta(days=30), pupils),),
        hours_each=1,
    )
    return capacity(page)


def accept_on(request_id: int) -> PlacementRequest:
    return decide(
        request_id, "accept", actor=RequestEvent.Actor.HOST_TEAM, date=SOON + datetime.timedelta(days=2)
    )


def test_two_schools_accepted_at_once_for_one_talks_pupils_never_both_get_in(home):
    window = talk(home, pupils=60)
    both = [ask(window, 40, "990201").pk, ask(window, 40, "990202").pk]

    results = run_together(accept_on, both)

    outcomes = sorted(outcome for outcome, _ in results)
    assert outcomes == ["error", "ok"], results
    assert all(isinstance(value, DecisionError) for outcome, value in results if outcome == "error")
    accepted = PlacementRequest.objects.get(status=RequestStatus.ACCEPTED)
    assert accepted.agreed_date == SOON + datetime.timedelta(days=2)
    assert PlacementRequest.objects.get(status=RequestStatus.PENDING).agreed_date is None
    assert_consistent(window)


def test_thirty_schools_against_one_encounter_fill_it_exactly(home):
    window = talk(home, pupils=100)
    requests = [ask(window, 30, f"9903{i:02d}").pk for i in range(30)]

    results = run_together(accept_on, requests)

    assert sum(outcome == "ok" for outcome, _ in results) == 3  # 90 pupils; a fourth school would need 120
    window.refresh_from_db()
    assert window.places_taken == 90
    assert_consistent(window)
