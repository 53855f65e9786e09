"""The demo's local employers: approved through the real approval, each with its own host team
page beside the council teams', and at least five listings between them; one still waiting."""

import pytest

from demo.loader import load
from hosts.models import HostApplication
from placements.models import HostTeamPage, PlacementPage
from placements.vocabulary import EMPLOYER_AREA

pytestmark = pytest.mark.django_db


def test_three_approved_employers_with_five_listings_load_idempotently(demo, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password-for-tests")
    load(demo.home, ("employers",))
    approved = HostApplication.objects.filter(status="approved")
    assert approved.count() >= 3 and HostApplication.objects.filter(status="pending").count() == 1
    employers = HostTeamPage.objects.filter(team__directorate=EMPLOYER_AREA)
    assert employers.count() == approved.count()
    assert HostTeamPage.objects.exclude(team__directorate=EMPLOYER_AREA).count() >= 8
    listings = PlacementPage.objects.live().filter(host_team__directorate=EMPLOYER_AREA)
    assert listings.count() >= 5
    assert all(page.host_label.endswith("a local employer") for page in listings)
    assert not HostApplication.objects.exclude(contact_email__endswith=".example.org").exists()
