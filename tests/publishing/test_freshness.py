"""The content freshness report: live pages with an old "last reviewed" or "last confirmed" date,
found by their fields, with the team or person who owns them."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import PlacementPage
from portal.home.models import HomePage, StandardPage
from publishing.freshness import months_before, reviewed_types, stale_items
from resources.models import ResourcePage
from tests.directory import factories as directory_factories
from tests.placements import factories as placement_factories
from tests.resources import factories as resource_factories
from tests.shared_data import Kept, afresh, built_once, kept

from . import factories

pytestmark = pytest.mark.django_db

# Dates relative to today: the report itself always uses today's date.
TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=633)
FRESH = TODAY - datetime.timedelta(days=176)
CONFIRMED = TODAY - datetime.timedelta(days=419)  # a placement last confirmed over a year ago
REVIEWED = TODAY - datetime.timedelta(days=380)  # a service reviewed just over a year ago


def test_months_before_keeps_the_day_or_the_end_of_a_shorter_month():
    assert months_before(datetime.date(2026, 11, 24), 12) == datetime.date(2025, 11, 24)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


def test_page_types_are_found_by_their_review_date_fields():
    found = {(t.model, t.date_field, t.team_field) for t in reviewed_types()}
    assert (ResourcePage, "last_reviewed", None) in found
    assert (PlacementPage, "last_confirmed", "host_team") in found
    assert (StandardPage, "last_reviewed", None) in found
    assert any(t.model.__name__ == "ServicePage" and t.team_field == "team" for t in reviewed_types())


@pytest.fixture(scope="module")
def built_stale_site(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Pages old and fresh, live and draft, of every reviewed type, built once for the module
    (tests/shared_data.py): the tests only read them and sign people in. Nothing here commits, so
    the on-commit callbacks of their publishing stay pending until the module's rollback
    (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        yield kept({"owner": _build_stale_site(HomePage.objects.get())})


@pytest.fixture
def stale_site(built_stale_site, settings, db) -> Any:
    """The module's pages reviewed against a twelve-month cutoff; the old lesson plan's owner, read
    afresh for each test."""
    settings.CONTENT_REVIEW_MONTHS = 12
    return afresh(built_stale_site)["owner"]


def _build_stale_site(home: HomePage) -> Any:
    """The pages of the report, and the owner of the old lesson plan."""
    bank = resource_factories.resource_index(home)
    owner = factories.contributor()
    old = resource_factories.resource(bank, title="Old lesson plan", last_reviewed=LONG_AGO)
    ResourcePage.objects.filter(pk=old.pk).update(owner=owner)
    resource_factories.resource(bank, title="Fresh lesson plan", last_reviewed=FRESH)
    resource_factories.resource(bank, title="Old draft", last_reviewed=LONG_AGO, live=False)
    host = placement_factories.host_team(home, "highways")
    placement = placement_factories.placement(host, title="Highways insight week")
    PlacementPage.objects.filter(pk=placement.pk).update(last_confirmed=CONFIRMED)
    team = directory_factories.team("Educational Psychology Service")
    service = directory_factories.service(
        directory_factories.support_index(home), title="Psychology advice line", run_by=team
    )
    type(service).objects.filter(pk=service.pk).update(last_reviewed=REVIEWED)
    directory_factories.service(
        directory_factories.support_index(home), title="Reviewed yesterday", run_by=team
    )
    statement = StandardPage(title="Accessibility statement", slug="accessibility", body=[])
    home.add_child(instance=statement)
    statement.save_revision().publish()
    return owner


def test_stale_items_are_the_live_pages_checked_before_the_cutoff_with_their_owners(stale_site):
    items = stale_items(today=TODAY)
    assert [(i.title, i.checked_on, i.owner) for i in items] == [
        ("Accessibility statement", None, "No owner"),
        ("Old lesson plan", LONG_AGO, "teacher"),  # the page's owner (no name given, so the username)
        ("Highways insight week", CONFIRMED, "Highways"),
        ("Psychology advice line", REVIEWED, "Educational Psychology Service"),
    ]
    assert items[2].owner_email == "highways@example.org"


def test_the_report_lists_them_for_editors_and_reporting_and_exports(stale_site, settings):
    url = reverse("publishing_freshness")
    editor = factories.editor()
    for person in (editor, factories.reporter()):
        html = factories.signed_in(person).get(url).content.decode()
        for title in (
            "Old lesson plan",
            "Highways insight week",
            "Psychology advice line",
            "Accessibility statement",
        ):
            assert title in html
        assert "Fresh lesson plan" not in html and "Old draft" not in html and "Never recorded" in html
    csv = factories.signed_in(editor).get(url + "?export=csv")
    assert csv.status_code == 200
    lines = (
        b"".join(csv.streaming_content).decode().splitlines()
        if csv.streaming
        else csv.content.decode().splitlines()
    )
    assert lines[0] == "Title,Type,Last reviewed or confirmed,Owner,Owner's email"
    assert any(
        line.startswith(
            f"Highways insight week,Work placement or encounter,{CONFIRMED:%d/%m/%Y},Highways,highways@example.org"
        )
        for line in lines
    )


def test_the_report_is_refused_to_contributors_and_council_teams(stale_site):
    url = reverse("publishing_freshness")
    assert factories.signed_in(stale_site).get(url).status_code in (302, 403)
    assert factories.signed_in(factories.team_member(factories.council_team())).get(url).status_code in (
        302,
        403,
    )
