"""The permission matrix: team A's staff cannot see, edit, publish, confirm or decide team B's
placements or requests, through the real admin URLs and the public views; they can do all of it
for their own team; editors can do it for every team."""

import datetime
from collections.abc import Iterator

import pytest

from placements.booking import decide
from placements.links import status_token
from placements.models import HostTeamPage, PlacementPage, PlacementRequest, RequestEvent, RequestStatus
from portal.home.models import HomePage
from tests.shared_data import Kept, afresh, built_once, kept

from .admin import edit_form_data, publish
from .factories import capacity, editor, host_team, placement, placement_request, team_user

pytestmark = pytest.mark.django_db
OLD = datetime.date(2020, 1, 1)


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Two teams, each with a live placement and a request for it, and team B's draft: built once
    for the module (tests/shared_data.py)."""
    with built_once(django_db_blocker):
        yield kept(_build_world(HomePage.objects.get()))


@pytest.fixture
def world(built_world, db) -> dict:
    return afresh(built_world)


def _build_world(home: HomePage) -> dict:
    team_a, team_b = host_team(home, "highways"), host_team(home, "libraries")
    a_page, b_page = placement(team_a, title="A placement"), placement(team_b, title="B placement")
    b_draft = placement(team_b, title="B draft", live=False)
    a_request = placement_request(capacity(a_page), email="a@school.example.org")
    b_request = placement_request(capacity(b_page), email="b@school.example.org")
    PlacementPage.objects.filter(pk__in=[a_page.pk, b_page.pk]).update(last_confirmed=OLD)
    return {
        "team_a": team_a,
        "team_b": team_b,
        "a_page": a_page,
        "b_page": b_page,
        "b_draft": b_draft,
        "a_request": a_request,
        "b_request": b_request,
        "officer_a": team_user(team_a),
    }


@pytest.fixture
def as_a(client, world):
    client.force_login(world["officer_a"])
    return client


def denied(response) -> bool:
    """Wagtail answers a refused admin action with 403, or a redirect with an error message."""
    return response.status_code in (302, 403, 404) and b"B placement" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/{b_page}/edit/",
        "/admin/pages/{b_draft}/edit/",
        "/admin/pages/{b_draft}/view_draft/",
        "/admin/pages/{b_page}/edit/preview/",
        "/admin/pages/{b_page}/revisions/",
        "/admin/pages/{b_page}/unpublish/",
        "/admin/pages/{b_page}/delete/",
        "/admin/pages/{b_page}/copy/",
        "/admin/pages/{b_page}/move/",
        "/admin/pages/add/placements/placementpage/{team_b}/",
        "/admin/placements/confirm/{b_page}/",
    ],
)
def test_team_a_cannot_open_team_b_pages_in_the_admin(as_a, world, url):
    response = as_a.get(url.format(**{k: v.pk for k, v in world.items() if hasattr(v, "pk")}))
    assert denied(response), response.status_code


def test_team_a_cannot_publish_team_b_placement(as_a, client, world, django_user_model):
    # The form data an editor would send for B's page, replayed by team A's officer.
    client.force_login(editor())
    data = edit_form_data(client, world["b_page"].pk)
    data["title"] = "Hijacked"
    client.force_login(world["officer_a"])
    response = publish(client, world["b_page"].pk, data)
    assert denied(response)
    assert PlacementPage.objects.get(pk=world["b_page"].pk).title == "B placement"


def test_team_a_cannot_add_a_placement_under_team_b(as_a, world):
    before = PlacementPage.objects.count()
    as_a.post(
        f"/admin/pages/add/placements/placementpage/{world['team_b'].pk}/",
        {"title": "Sneaky", "slug": "sneaky", "action-publish": "1"},
    )
    assert PlacementPage.objects.count() == before


def test_team_a_cannot_unpublish_delete_or_confirm_team_b(as_a, world):
    b = world["b_page"]
    as_a.post(f"/admin/pages/{b.pk}/unpublish/", {})
    as_a.post(f"/admin/pages/{b.pk}/delete/", {})
    as_a.post(f"/admin/placements/confirm/{b.pk}/", {})
    b.refresh_from_db()
    assert (b.live, b.last_confirmed) == (True, OLD)


def test_team_a_sees_only_its_own_pages_in_the_explorer_and_listing(as_a, world):
    # Wagtail sends an officer exploring above their team page to the part of the tree they may see.
    explorer = as_a.get(f"/admin/pages/{world['team_a'].get_parent().pk}/", follow=True).content.decode()
    assert "A placement" in explorer
    assert "Libraries" not in explorer and "B placement" not in explorer
    listing = as_a.get("/admin/placement_listings/")
    assert listing.status_code == 200
    assert [p.title for p in listing.context["object_list"]] == ["A placement"]


def test_team_a_sees_and_decides_only_its_own_requests(as_a, world):
    index = as_a.get("/admin/placement_requests/")
    assert index.status_code == 200
    assert [r.pk for r in index.context["object_list"]] == [world["a_request"].pk]
    filtered = as_a.get(f"/admin/placement_requests/?team={world['team_b'].team_id}")
    assert list(filtered.context["object_list"]) == []
    searched = as_a.get("/admin/placement_requests/?q=B+placement")
    assert list(searched.context["object_list"]) == []
    assert [r.pk for r in as_a.get("/admin/placement_requests/?q=A+placement").context["object_list"]] == [
        world["a_request"].pk
    ]

    b = world["b_request"]
    assert as_a.get(f"/admin/placement_requests/edit/{b.pk}/").status_code == 404
    assert as_a.post(f"/admin/placement_requests/edit/{b.pk}/", {"action": "accept"}).status_code == 404
    b.refresh_from_db()
    assert b.status == RequestStatus.PENDING
    assert capacity(world["b_page"]).places_taken == 0


def test_requests_cannot_be_added_edited_as_fields_or_deleted_in_the_admin(as_a, world):
    for url in (
        "/admin/placement_requests/new/",
        f"/admin/placement_requests/delete/{world['a_request'].pk}/",
    ):
        assert as_a.get(url).status_code == 404
    assert PlacementRequest.objects.count() == 2


def test_team_a_can_do_everything_with_its_own(as_a, world, django_capture_on_commit_callbacks):
    a_page, a_request = world["a_page"], world["a_request"]
    data = edit_form_data(as_a, a_page.pk)
    data["title"] = "A placement, renamed"
    response = publish(as_a, a_page.pk, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert PlacementPage.objects.get(pk=a_page.pk).title == "A placement, renamed"

    decide_page = as_a.get(f"/admin/placement_requests/edit/{a_request.pk}/")
    assert decide_page.status_code == 200 and b"Accept: take the places" in decide_page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = as_a.post(
            f"/admin/placement_requests/edit/{a_request.pk}/", {"action": "accept", "note": "See you at 9."}
        )
    assert response.status_code == 302
    a_request.refresh_from_db()
    assert a_request.status == RequestStatus.ACCEPTED
    event = a_request.events.get(action="accepted")
    assert (event.user, event.actor, event.note) == (world["officer_a"], "host-team", "See you at 9.")

    as_a.post(f"/admin/placements/confirm/{a_page.pk}/", {"next": "/admin/"})
    assert PlacementPage.objects.get(pk=a_page.pk).last_confirmed == datetime.date.today()


def test_an_officer_cannot_point_their_team_page_at_another_team(as_a, world):
    team_a = world["team_a"]
    response = as_a.get(f"/admin/pages/{team_a.pk}/edit/")
    assert response.status_code == 200
    assert response.context["form"].fields["team"].disabled
    from wagtail.test.utils.form_data import querydict_from_html

    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["team"] = str(world["team_b"].team_id)
    data["action-publish"] = "action-publish"
    as_a.post(f"/admin/pages/{team_a.pk}/edit/", data)
    assert HostTeamPage.objects.get(pk=team_a.pk).team_id != world["team_b"].team_id


def test_editors_see_and_decide_every_team_request(client, world):
    client.force_login(editor())
    index = client.get("/admin/placement_requests/")
    assert sorted(r.pk for r in index.context["object_list"]) == sorted(
        [world["a_request"].pk, world["b_request"].pk]
    )
    client.post(f"/admin/placement_requests/edit/{world['b_request'].pk}/", {"action": "waitlist"})
    world["b_request"].refresh_from_db()
    assert world["b_request"].status == RequestStatus.WAITLISTED
    assert world["b_request"].events.get(action="waitlisted").actor == RequestEvent.Actor.EDITOR


def test_a_user_in_no_team_sees_no_requests(client, world, django_user_model):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", password="correct horse battery")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get("/admin/placement_requests/").status_code in (302, 403)
    assert client.get(f"/admin/placement_requests/edit/{world['a_request'].pk}/").status_code in (
        302,
        403,
        404,
    )


def test_public_views_show_no_drafts_and_need_the_signed_link(client, as_a, world):
    assert (
        as_a.get(world["b_draft"].get_url() or f"/placements/libraries/{world['b_draft'].slug}/").status_code
        == 404
    )
    b = world["b_request"]
    assert as_a.get(f"/placements/requests/{b.public_id.hex}/").status_code == 404
    ok = as_a.get(f"/placements/requests/{status_token(b)}/")
    assert ok.status_code == 200 and b"b@school.example.org" not in ok.content  # no contact details on it


def test_a_decide_post_for_a_request_that_changed_is_refused_cleanly(as_a, world):
    a_request = world["a_request"]
    decide(a_request.pk, "cancel", actor=RequestEvent.Actor.REQUESTER)
    response = as_a.post(f"/admin/placement_requests/edit/{a_request.pk}/", {"action": "accept"}, follow=True)
    assert response.status_code == 200
    assert b"That decision is no longer possible" in response.content
    a_request.refresh_from_db()
    assert a_request.status == RequestStatus.CANCELLED
