"""The demo content: eight or more teams with realistic KS4/KS5 placements across the year, each
team with its group, page permissions and (only when allowed) a demo member; loading twice changes
nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.dates import Calendar
from demo.loader import load
from placements.models import HostTeamPage, PlacementPage, PlacementRequest, WindowCapacity
from tests.listings import result_titles

pytestmark = pytest.mark.django_db
SECTIONS = ("site", "teams", "placements", "encounters")


def counts() -> tuple[int, ...]:
    taken = sum(WindowCapacity.objects.values_list("places_taken", flat=True))
    return (
        HostTeamPage.objects.count(),
        PlacementPage.objects.count(),
        WindowCapacity.objects.count(),
        PlacementRequest.objects.count(),
        taken,
    )


def test_demo_loads_idempotently_with_team_members(demo, settings, monkeypatch):
    # The demo was loaded without a password: loading again with one gives the teams their members.
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password-for-tests")
    first = counts()
    load(demo.home, SECTIONS)
    assert counts() == first
    teams, placements, windows, requests, taken = first
    assert teams >= 8 and placements >= 2 * 6 and requests >= 3 and taken > 0
    # The only windows withdrawn are past ones, kept as history (the feedback's ended placement).
    assert not WindowCapacity.objects.filter(withdrawn=True, end_date__gte=timezone.localdate()).exists()
    host = get_user_model().objects.get(username="highways-host")
    assert host.check_password("a-demo-password-for-tests")
    highways = HostTeamPage.objects.get(team__slug="highways-transport")
    assert highways.permissions_for_user(host).can_publish_subpage()
    libraries = HostTeamPage.objects.get(team__slug="libraries")
    assert not libraries.permissions_for_user(host).can_edit()
    placements = PlacementPage.objects.filter(kind="work-placement")
    assert set(placements.values_list("key_stages__code", flat=True)) == {"KS4", "KS5"}
    encounters = PlacementPage.objects.exclude(kind="work-placement")
    assert encounters.filter(key_stages__code="KS3").count() >= 6
    assert encounters.filter(key_stages__code="KS2").count() >= 3
    months = {d.month for d in WindowCapacity.objects.values_list("start_date", flat=True)}
    assert len(months) >= 6  # spread across the academic year


def test_demo_creates_no_users_without_a_password(demo):
    # tests/demo_db.py loads the demo as production would: no DEMO_ADMIN_PASSWORD, DEBUG off.
    assert not get_user_model().objects.filter(username__endswith="-host").exists()
    assert HostTeamPage.objects.count() >= 8


def test_a_school_can_find_a_ks5_placement_with_step_free_access_in_march(client, demo):
    march = Calendar.now().date("next:03-08")  # the highways week, the next March it runs
    response = client.get(
        f"/placements/?key_stage=KS5&adjustment=step-free&month={march:%Y-%m}&places_left=yes"
    )
    assert response.status_code == 200
    assert len(result_titles(response)) >= 2
    assert "Highways engineering week: design a safer crossing" in result_titles(response)


def test_the_guide_for_hosts_is_published_under_the_directory(client, demo):
    html = client.get("/placements/hosting-a-high-impact-placement/").content.decode()
    assert "Hosting a high-impact placement" in html and "A task set by the team" in html


def test_demo_prints_nothing_secret(demo, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password-for-tests")
    load(demo.home, SECTIONS)
    captured = capsys.readouterr()
    assert "a-demo-password-for-tests" not in captured.out + captured.err
