"""The permission matrix: for every role and every content type, each action is tried through the
real Wagtail admin views (GET and POST with the test client, never has_perm) and its outcome
checked: was the page created, edited, published, deleted, the draft shown, the request seen?

Roles: an editor; a council officer (Council team members + the Highways host team's group); an
officer of another team (Libraries); a school contributor; a reporting user; a local employer's
contact, approved through the hosts app (their host team's group, made as a council team's)."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from directory.models import ServicePage
from events.models import EventPage
from placements.models import PlacementPage
from portal.home.models import HomePage
from resources.models import ResourcePage
from stories.models import StoryPage
from tests.directory import factories as directory_factories
from tests.events import factories as event_factories
from tests.hosts import factories as host_factories
from tests.placements import factories as placement_factories
from tests.resources import factories as resource_factories
from tests.shared_data import built_once
from tests.stories import factories as story_factories

from . import factories

pytestmark = pytest.mark.django_db

Y, N = True, False
ACTIONS = ("create", "edit", "publish", "delete", "view draft", "see requests")
ROLES = ("editor", "team", "other team", "contributor", "reporting", "employer")

# What each role may do with each content type. "See requests" is the placement requests and the
# referral enquiries sent to the content's team (None: the type has none).
NOBODY = (N, N, N, N, N, None)
EXPECTED: dict[tuple[str, str], tuple[bool | None, ...]] = {
    **{(role, kind): NOBODY for role in ROLES for kind in ("resource", "story", "event")},
    **{
        (role, kind): (N, N, N, N, N, N)
        for role in ROLES
        for kind in ("placement", "service", "employer listing")
    },
    ("editor", "resource"): (Y, Y, Y, Y, Y, None),
    ("editor", "story"): (Y, Y, Y, Y, Y, None),
    ("editor", "event"): (Y, Y, Y, Y, Y, None),
    ("editor", "placement"): (Y, Y, Y, Y, Y, Y),
    ("editor", "service"): (Y, Y, Y, Y, Y, Y),
    # A council team runs its own placements end to end and sees its services' enquiries; service
    # pages themselves are edited by editors (the directory app gives teams no page permissions).
    ("team", "placement"): (Y, Y, Y, Y, Y, Y),
    ("team", "service"): (N, N, N, N, N, Y),
    # An approved local employer runs its own listings exactly as a council team runs its own, and
    # nothing else; council teams cannot touch an employer's listings either.
    ("editor", "employer listing"): (Y, Y, Y, Y, Y, Y),
    ("employer", "employer listing"): (Y, Y, Y, Y, Y, Y),
    # A contributor may start a resource but not touch anyone else's...
    ("contributor", "resource"): (Y, N, N, N, N, None),
    # ...and may edit, preview and delete their own draft, but never publish it.
    ("contributor", "own resource"): (Y, Y, N, Y, Y, None),
}


@dataclass
class World:
    people: dict[str, Any]
    parents: dict[str, Page]
    placement_request: Any
    enquiry: Any
    employer_request: Any


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """The people, sections and requests, built once for the module: every test's own pages and
    changes are rolled back to a savepoint, so each case starts from the same world."""
    with built_once(django_db_blocker):
        yield _build_world(HomePage.objects.get())


def _build_world(home: HomePage) -> World:
    highways = placement_factories.host_team(home, "highways")
    placement_factories.host_team(home, "libraries")
    highways_team = highways.team
    libraries_team = placement_factories.council_team("libraries")
    live_placement = placement_factories.placement(highways, title="Highways depot week")
    support = directory_factories.support_index(home)
    live_service = directory_factories.service(support, title="Road safety talks", run_by=highways_team)
    teacher = factories.contributor()
    employer_page = host_factories.approved_employer(email="visits@hartburn.example.org")
    employer_listing = placement_factories.placement(employer_page, title="Machine shop visit")
    return World(
        people={
            "editor": factories.editor(),
            "team": factories.team_member(highways_team, "highways-officer"),
            "other team": factories.team_member(libraries_team, "libraries-officer"),
            "contributor": teacher,
            "reporting": factories.reporter(),
            "employer": get_user_model().objects.get(email="visits@hartburn.example.org"),
        },
        parents={
            "resource": resource_factories.resource_index(home),
            "placement": highways,
            "service": support,
            "story": story_factories.story_index(home),
            "event": event_factories.event_index(home),
            "employer listing": employer_page,
        },
        placement_request=placement_factories.placement_request(placement_factories.capacity(live_placement)),
        enquiry=directory_factories.enquiry(live_service),
        employer_request=placement_factories.placement_request(
            placement_factories.capacity(employer_listing)
        ),
    )


def draft(world: World, kind: str) -> Page:
    """A fresh unpublished page of this kind, owned by nobody in the matrix except for "own
    resource", which the contributor owns."""
    parent = _parent(world, kind)
    if kind in ("resource", "own resource"):
        page = resource_factories.resource(parent, live=False)
    elif kind in ("placement", "employer listing"):
        page = placement_factories.placement(parent, live=False)
    elif kind == "service":
        page = directory_factories.service(parent, run_by=world.parents["placement"].team, live=False)
    elif kind == "story":
        page = story_factories.story(parent, live=False)
    else:
        page = event_factories.event(parent, start=timezone.now() + datetime.timedelta(days=30), live=False)
    owner = world.people["contributor"] if kind == "own resource" else None
    type(page).objects.filter(pk=page.pk).update(owner=owner)
    return Page.objects.get(pk=page.pk).specific


def _parent(world: World, kind: str) -> Page:
    """The section for this kind, read afresh: an earlier test's children were rolled back, and
    the tree's child count held by the module's instance would be out of date."""
    parent = world.parents["resource" if kind == "own resource" else kind]
    return type(parent).objects.get(pk=parent.pk)


MODELS = {
    "resource": ResourcePage,
    "own resource": ResourcePage,
    "placement": PlacementPage,
    "employer listing": PlacementPage,
    "service": ServicePage,
    "story": StoryPage,
    "event": EventPage,
}


def can_create(client: Client, parent: Page, model: type[Page]) -> bool:
    """Allowed: the admin offers its add form. Refused: it does not, and posting one anyway
    creates nothing. (Contributors' full create-and-submit journey is in test_moderation.)"""
    url = factories.add_url(parent, model)
    if client.get(url).status_code == 200:
        return True
    children = parent.get_children().count()
    client.post(url, {"title": "Slipped in", "slug": "slipped-in", "action-publish": "Publish"})
    assert parent.get_children().count() == children, "a refused create must not create anything"
    return False


def can_edit(client: Client, page: Page) -> bool:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if client.get(url).status_code == 200:
        return True
    revisions = page.revisions.count()
    client.post(url, {"title": "Changed", "slug": page.slug})
    page.refresh_from_db()
    assert page.title != "Changed" and page.revisions.count() == revisions, (
        "a refused edit must change nothing"
    )
    return False


def can_publish(client: Client, page: Page) -> bool:
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}")
    page.refresh_from_db()
    return page.live


def can_delete(client: Client, page: Page) -> bool:
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not Page.objects.filter(pk=page.pk).exists()


def can_view_draft(client: Client, page: Page) -> bool:
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    return response.status_code == 200 and page.title in response.content.decode()


def can_see_requests(client: Client, world: World, kind: str) -> bool | None:
    """Whether the listing shows the team's request and its page opens; the two must agree."""
    if kind in ("placement", "employer listing"):
        request = world.placement_request if kind == "placement" else world.employer_request
        reference, index, detail = (
            request.reference,
            reverse("placement_requests:index"),
            reverse("placement_requests:edit", args=[request.pk]),
        )
    elif kind == "service":
        reference, index, detail = (
            world.enquiry.reference,
            reverse("referral_enquiries:index"),
            reverse("referral_enquiries:inspect", args=[world.enquiry.pk]),
        )
    else:
        return None
    listed = reference in client.get(index).content.decode()
    opens = client.get(detail).status_code == 200
    assert listed == opens, f"the listing ({listed}) and the request page ({opens}) disagree"
    return listed


CASES = sorted(
    {*EXPECTED, ("contributor", "own resource")} - {(r, "own resource") for r in ROLES if r != "contributor"}
)


@pytest.mark.parametrize(("role", "kind"), CASES, ids=[f"{role}-{kind}" for role, kind in CASES])
def test_permission_matrix(world: World, role: str, kind: str) -> None:
    client = factories.signed_in(world.people[role])
    parent = _parent(world, kind)
    model = MODELS[kind]
    viewed = draft(world, kind)
    outcome = (
        can_create(client, parent, model),
        can_edit(client, viewed),
        can_publish(client, draft(world, kind)),
        can_delete(client, draft(world, kind)),
        can_view_draft(client, viewed),
        can_see_requests(client, world, kind),
    )
    expected = EXPECTED[(role, kind)]
    assert outcome == expected, "\n".join(
        f"{action}: expected {'allowed' if want else 'refused'}, got {'allowed' if got else 'refused'}"
        for action, want, got in zip(ACTIONS, expected, outcome, strict=True)
        if want != got
    )


def test_the_matrix_covers_every_role_and_content_type():
    assert {role for role, _ in CASES} == set(ROLES)
    assert {kind for _, kind in CASES} == set(MODELS)
