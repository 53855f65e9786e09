"""The host team's admin: editing through the real page editor keeps the places taken, a window
with open requests cannot be removed, listings due for confirmation are flagged on the dashboard
and in the placements listing, and the host team set-up is data-free and idempotent."""

import datetime
from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Revision

from placements.booking import decide
from placements.models import HostTeamPage, PlacementPage, RequestEvent, WindowCapacity
from portal.home.models import HomePage
from portal.taxonomy.models import CouncilTeam
from tests.listings import result_titles
from tests.shared_data import Kept, afresh, built_once, kept

from .admin import edit_form_data, publish
from .factories import (
    capacity,
    council_team,
    editor,
    host_team,
    placement,
    placement_index,
    placement_request,
    team_user,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture(scope="module")
def built_team(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """The highways host team, its "Engineering week" listing and one of its officers, built once
    for the module (tests/shared_data.py); each test's edits, requests and moves are rolled back."""
    with built_once(django_db_blocker):
        host = host_team(HomePage.objects.get(), "highways")
        yield kept(
            {"host": host, "listing": placement(host, title="Engineering week"), "officer": team_user(host)}
        )


@pytest.fixture
def team(built_team, db) -> dict:
    """The module's team, read afresh for each test: tests add pages under the host team page and
    move the listing (docs/test-suite.md)."""
    return afresh(built_team)


@pytest.fixture
def host(team) -> HostTeamPage:
    return team["host"]


@pytest.fixture
def listing(team) -> PlacementPage:
    return team["listing"]


@pytest.fixture
def officer(client, team):
    """The team's officer, signed in."""
    client.force_login(team["officer"])
    return team["officer"]


def test_publishing_in_the_editor_keeps_the_places_taken(client, officer, listing):
    decide(
        placement_request(capacity(listing), young_people=2).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM
    )
    data = edit_form_data(client, listing.pk)
    data["windows-0-places"] = "4"
    data["summary"] = "Updated summary."
    assert publish(client, listing.pk, data).status_code == 302
    row = capacity(listing)
    assert (row.places, row.places_taken, WindowCapacity.objects.count()) == (4, 2, 1)


def test_the_editor_refuses_fewer_places_than_are_taken(client, officer, listing):
    decide(
        placement_request(capacity(listing), young_people=2).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM
    )
    data = edit_form_data(client, listing.pk)
    data["windows-0-places"] = "1"
    response = publish(client, listing.pk, data)
    assert response.status_code == 200
    assert "2 places are already taken" in response.content.decode()
    assert capacity(listing).places == 3


def test_the_editor_refuses_to_remove_a_window_with_open_requests(client, officer, host):
    soon, later = TODAY + datetime.timedelta(days=20), TODAY + datetime.timedelta(days=80)
    listing = placement(host, windows=((soon, soon, 2), (later, later, 2)))
    placement_request(capacity(listing, 0))
    data = edit_form_data(client, listing.pk)
    data["windows-0-DELETE"] = "1"
    response = publish(client, listing.pk, data)
    assert response.status_code == 200
    assert "has 1 open request" in response.content.decode()
    assert not capacity(listing, 0).withdrawn

    data = edit_form_data(client, listing.pk)
    data["windows-1-DELETE"] = "1"  # the window nobody has asked for can go
    assert publish(client, listing.pk, data).status_code == 302
    assert WindowCapacity.objects.filter(page=listing, withdrawn=True).count() == 1


def test_publishing_confirms_and_revisions_never_move_the_date_back(listing):
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=datetime.date(2020, 1, 1))
    old_revision = PlacementPage.objects.get(pk=listing.pk).save_revision()
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=TODAY - datetime.timedelta(days=3))
    old_revision = Revision.objects.get(pk=old_revision.pk)
    assert old_revision.as_object().last_confirmed == TODAY - datetime.timedelta(days=3)
    old_revision.publish()
    assert PlacementPage.objects.get(pk=listing.pk).last_confirmed == TODAY


@pytest.mark.parametrize(("days", "state"), [(0, "current"), (91, "due"), (181, "expired")])
def test_confirmation_states_follow_the_settings(listing, settings, days, state):
    settings.PLACEMENT_CONFIRM_EVERY_DAYS, settings.PLACEMENT_EXPIRE_AFTER_DAYS = 90, 180
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=TODAY - datetime.timedelta(days=days))
    assert PlacementPage.objects.get(pk=listing.pk).confirmation_state == state


def test_the_dashboard_flags_listings_due_for_confirmation_and_waiting_requests(
    client, officer, listing, home
):
    other_team = placement(host_team(home, "libraries"), title="Library week")
    PlacementPage.objects.filter(pk__in=[listing.pk, other_team.pk]).update(
        last_confirmed=TODAY - datetime.timedelta(days=120)
    )
    placement_request(capacity(listing))
    html = client.get("/admin/").content.decode()
    assert "Work placements" in html
    assert "1 request for places waiting for a decision" in html
    assert "Engineering week" in html and "Library week" not in html
    assert f'action="/admin/placements/confirm/{listing.pk}/"' in html


def test_confirming_from_the_dashboard_puts_an_expired_listing_back(client, officer, listing, settings):
    from django.test import Client

    PlacementPage.objects.filter(pk=listing.pk).update(
        last_confirmed=TODAY - datetime.timedelta(days=settings.PLACEMENT_EXPIRE_AFTER_DAYS + 5)
    )
    school = Client()  # anonymous, so the directory may come from the page cache
    assert result_titles(school.get("/placements/")) == []
    response = client.post(f"/admin/placements/confirm/{listing.pk}/", {"next": "https://evil.example.com/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert b"Engineering week" in school.get("/placements/").content


def test_the_placements_listing_filters_by_confirmation(client, officer, listing, host):
    fresh = placement(host, title="Fresh")
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=TODAY - datetime.timedelta(days=120))
    response = client.get("/admin/placement_listings/?confirmation=due")
    assert [p.title for p in response.context["object_list"]] == ["Engineering week"]
    assert "Due for confirmation" in response.content.decode()
    assert fresh.title not in [p.title for p in response.context["object_list"]]


def test_the_confirm_button_is_offered_on_placement_pages(client, officer, listing):
    html = client.get(f"/admin/pages/{listing.pk}/edit/").content.decode()
    assert f"/admin/placements/confirm/{listing.pk}/" in html
    assert client.get(f"/admin/placements/confirm/{listing.pk}/").status_code == 200


def test_setup_host_team_is_idempotent_and_data_free(home):
    placement_index(home)
    council_team("parks")
    pages_before = HostTeamPage.objects.count()  # the module's highways team may be there
    call_command("setup_host_team", "parks")
    call_command("setup_host_team", "parks")
    team = CouncilTeam.objects.get(slug="parks")
    page = HostTeamPage.objects.get(team=team)
    perms = set(
        GroupPagePermission.objects.filter(group=team.group, page=page).values_list(
            "permission__codename", flat=True
        )
    )
    assert perms == {"add_page", "change_page", "publish_page"}
    assert team.group.permissions.filter(codename="access_admin").exists()
    assert (
        HostTeamPage.objects.count() == pages_before + 1
        and page.live
        and page.url_path.endswith("/placements/parks/")
    )


def test_setup_host_team_explains_an_unknown_team(home):
    placement_index(home)
    with pytest.raises(CommandError, match="No council team with the slug: nope"):
        call_command("setup_host_team", "nope")


def test_a_host_team_page_created_in_the_admin_gets_its_permissions(client, home):
    index = placement_index(home)
    team = council_team("culture")
    client.force_login(editor())
    from wagtail.test.utils.form_data import querydict_from_html

    form = client.get(f"/admin/pages/add/placements/hostteampage/{index.pk}/")
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update({"title": "Culture", "slug": "culture", "team": str(team.pk), "action-publish": "1"})
    response = client.post(f"/admin/pages/add/placements/hostteampage/{index.pk}/", data)
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.group is not None
    assert GroupPagePermission.objects.filter(group=team.group, page__slug="culture").count() == 3


def test_moving_a_placement_moves_its_host_team(home, listing):
    libraries = host_team(home, "libraries")
    listing.move(libraries, pos="last-child")
    assert PlacementPage.objects.get(pk=listing.pk).host_team.slug == "libraries"


def test_requests_export_for_reporting_has_counts_but_no_contact_details(client, officer, listing, home):
    placement_request(capacity(listing), young_people=2, email="careers@kingfisher.example.org")
    placement_request(capacity(placement(host_team(home, "libraries"))), email="other@example.org")
    response = client.get("/admin/placement_requests/?export=csv")
    assert response.status_code == 200
    csv = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    lines = csv.strip().splitlines()
    assert len(lines) == 2  # a header and this team's one request
    assert "Engineering week" in lines[1] and ",2," in lines[1]
    assert "example.org" not in csv


def test_a_host_team_slug_cannot_hide_the_request_status_pages(home):
    page = HostTeamPage(title="Requests", slug="requests", team=council_team("requests-team"))
    with pytest.raises(Exception, match="used by the directory"):
        page.clean()
