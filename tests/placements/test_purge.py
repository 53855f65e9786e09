"""Retention: `manage.py purge_placement_requests` removes contact details (and free text) from
requests whose window ended more than PLACEMENT_REQUEST_RETENTION_MONTHS ago, keeps the anonymous
counts, and leaves newer requests alone."""

import datetime
import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from placements.booking import decide, retention_cutoff
from placements.models import PlacementRequest, RequestEvent, WindowCapacity
from portal.home.models import HomePage
from tests.shared_data import Kept, afresh, built_once, kept

from .factories import capacity, host_team, placement, placement_request

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture(scope="module")
def built_requests(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """An old request and a recent one, built once for the module (tests/shared_data.py). Each
    test's purge (its updates, its "purged" events) is rolled back to its savepoint, so every test
    starts from two requests, none purged; they are the only requests in the module's database,
    as they were when each test built its own, so the table-wide counts below mean the same. The
    clock is not moved: the windows' dates are relative to today, as the cutoff is. No test runs
    run_tasks() or commit(), so the build's on-commit callbacks stay pending (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        old, recent = _old_and_recent(HomePage.objects.get())
        yield kept({"old": old, "recent": recent})


@pytest.fixture
def requests(built_requests, db) -> tuple[PlacementRequest, PlacementRequest]:
    """The old and the recent request, read afresh for each test."""
    objects = afresh(built_requests)
    return objects["old"], objects["recent"]


def _old_and_recent(home: HomePage) -> tuple[PlacementRequest, PlacementRequest]:
    listing = placement(host_team(home))
    old = placement_request(capacity(listing), young_people=2, email="old@example.org")
    decide(old.pk, "accept", actor=RequestEvent.Actor.HOST_TEAM, note="Meet Sam at reception.")
    PlacementRequest.objects.filter(pk=old.pk).update(adjustments_needed="Quiet room", organisation_name="")
    # Its window ended 13 months ago; another window ended last month.
    WindowCapacity.objects.filter(pk=old.window_id).update(
        start_date=TODAY - datetime.timedelta(days=400), end_date=TODAY - datetime.timedelta(days=396)
    )
    second = placement(
        host_team(home, "libraries"),
        windows=((TODAY - datetime.timedelta(days=40), TODAY - datetime.timedelta(days=35), 2),),
    )
    recent = placement_request(capacity(second), email="recent@example.org")
    return old, recent


def test_purge_removes_contact_details_and_keeps_counts(requests, settings):
    settings.PLACEMENT_REQUEST_RETENTION_MONTHS = 12
    old, recent = requests
    out = io.StringIO()
    call_command("purge_placement_requests", stdout=out)
    assert "Removed contact details from 1 request(s)" in out.getvalue()

    old.refresh_from_db()
    assert (old.contact_name, old.contact_email, old.contact_phone, old.adjustments_needed) == (
        "",
        "",
        "",
        "",
    )
    assert old.purged_at is not None
    assert (old.young_people, old.year_groups, old.status, old.school_id is not None) == (
        2,
        ["Y10"],
        "accepted",
        True,
    )
    assert not old.events.exclude(note="").exists()
    assert old.events.filter(action="purged").count() == 1

    recent.refresh_from_db()
    assert recent.contact_email == "recent@example.org" and recent.purged_at is None


def test_purge_is_idempotent_and_has_a_dry_run(requests):
    out = io.StringIO()
    call_command("purge_placement_requests", "--dry-run", stdout=out)
    assert "1 request(s)" in out.getvalue()
    assert PlacementRequest.objects.filter(purged_at__isnull=False).count() == 0
    call_command("purge_placement_requests", stdout=io.StringIO())
    out = io.StringIO()
    call_command("purge_placement_requests", stdout=out)
    assert "from 0 request(s)" in out.getvalue()
    assert RequestEvent.objects.filter(action="purged").count() == 1


def test_a_shorter_retention_purges_more(requests):
    call_command("purge_placement_requests", "--months", "1", stdout=io.StringIO())
    assert PlacementRequest.objects.filter(purged_at__isnull=False).count() == 2


def test_purged_requests_still_show_their_status_without_contact_details(client, requests):
    from placements.links import status_token

    old, _ = requests
    call_command("purge_placement_requests", stdout=io.StringIO())
    old.refresh_from_db()
    html = client.get(f"/placements/requests/{status_token(old)}/").content.decode()
    assert "Contact details removed" in html and "Accepted" in html and "old@example.org" not in html


@pytest.mark.parametrize(
    ("on", "months", "expected"),
    [
        (datetime.date(2027, 3, 31), 1, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 1, 15), 12, datetime.date(2026, 1, 15)),
        (datetime.date(2027, 1, 15), 13, datetime.date(2025, 12, 15)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
    ],
)
def test_retention_cutoff_counts_calendar_months(on, months, expected):
    assert retention_cutoff(months, on) == expected
