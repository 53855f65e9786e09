"""The systematic guard: every admin URL that Wagtail and the portal's apps register, as each role,
against another team's and another school's private things.

The URL patterns are read from the URLconf, so an admin URL added later is walked without editing
this file. Each pattern's arguments are filled from what they name (`page_id`, `document_id`,
`revision_id`...) or, for a viewset's `pk`, from the viewset's model; list views are asked with a
search for team B's and school B's marker word, and spreadsheet views for their CSV too.

The fixtures belong to team B (Libraries) and school B (Bittern Academy): draft pages, a document
used only by a draft, an image, a request for places, a referral enquiry, and their people's
contact details. Every one carries a distinctive string; a response that shows one to a role that
may not see it is a leak, and so is a 500. The editor may see them all, and the guard checks that
it does: a walk that never reaches B's things would pass vacuously. The fixtures are built once
for the module (about 10 s of walking a role on one core)."""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, TaskState, WorkflowState

from demo.files import simple_pdf
from directory.models import ReferralEnquiry
from placements.models import PlacementRequest
from portal.home.models import HomePage
from portal.taxonomy.models import CouncilTeam, School
from publishing.models import ContributorRequest
from publishing.roles import contributions_collection
from resources.models import ResourceFile
from tests.directory import factories as directory_factories
from tests.placements import factories as placement_factories
from tests.publishing import factories as people
from tests.resources import factories as resource_factories

pytestmark = pytest.mark.django_db

MARK = "Bittern"  # in every searchable thing of B's, so a list's search finds them all
ROLES = ("editor", "reporting", "officer", "contributor", "anonymous")


@dataclass
class World:
    """B's objects by model, the strings that must not leak, and a signed-in client per role."""

    ids: dict[type, list[int]] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    document_urls: list[str] = field(default_factory=list)
    extra: dict[str, list[Any]] = field(default_factory=dict)


def _b_team(home: HomePage, world: World) -> Page:
    """Team B's draft placement, a request for one of its live placements, and an enquiry to its
    service."""
    libraries = placement_factories.host_team(home, "libraries")
    live = placement_factories.placement(libraries, title="Library open week")
    placement_request = placement_factories.placement_request(
        placement_factories.capacity(live),
        school=None,
        organisation_name=f"{MARK} Home Education Group",
        contact_name="Wren Requester",
        email="wren.requester@tutors.example.org",
        contact_phone="01642 700111",
        young_people=2,
    )
    service = directory_factories.service(
        directory_factories.support_index(home), title="Reading support", run_by=libraries.team
    )
    enquiry = directory_factories.enquiry(service, school_name=f"{MARK} Farm Tutoring")
    ReferralEnquiry.objects.filter(pk=enquiry.pk).update(
        contact_name="Plover Enquirer",
        email="plover.enquirer@farm.example.org",
        phone="01642 700222",
        support_sought="Plover support for a reluctant reader",
    )
    # Last of its type: the page-types report names each type's most recently edited page.
    draft = placement_factories.placement(libraries, title=f"{MARK} depot shadowing week", live=False)
    world.ids[CouncilTeam] = [libraries.team.pk]
    world.ids[PlacementRequest] = [placement_request.pk]
    world.ids[ReferralEnquiry] = [enquiry.pk]
    world.secrets |= {
        "team B's draft title": draft.title,
        "team B's draft slug": draft.slug,
        "a request's organisation": placement_request.organisation_name,
        "a requester's name": "Wren Requester",
        "a requester's email": "wren.requester@tutors.example.org",
        "a requester's phone": "01642 700111",
        "an enquirer's name": "Plover Enquirer",
        "an enquirer's email": "plover.enquirer@farm.example.org",
        "an enquirer's phone": "01642 700222",
        "an enquiry's free-text school": f"{MARK} Farm Tutoring",
        "an enquiry's text": "Plover support for a reluctant reader",
    }
    return draft


def _b_school(home: HomePage, world: World) -> Page:
    """School B's contributor, their draft case study in Editor review, and the file it uses."""
    bittern = resource_factories.school(name="Bittern Academy", urn="990202")
    teacher = people.contributor("bittern-teacher", school=bittern)
    teacher.email = "curlew.teacher@bittern.example.org"
    teacher.first_name, teacher.last_name = "Curlew", "Teacher"
    teacher.save()
    ContributorRequest.objects.filter(user=teacher).update(email=teacher.email)
    draft = resource_factories.resource(
        resource_factories.resource_index(home),
        title=f"{MARK} careers fair plan",
        kind="case-study",
        school=bittern,
        live=False,
    )
    Page.objects.filter(pk=draft.pk).update(owner=teacher)
    upload = Document.objects.create(
        title=f"{MARK} fair risk assessment",
        file=ContentFile(simple_pdf("Risk assessment", ["Fire exits"]), name="bittern-risk-assessment.pdf"),
        collection=contributions_collection(),
        uploaded_by_user=teacher,
    )
    picture = Image.objects.create(
        title=f"{MARK} fair floor plan",
        file=get_test_image_file("bittern-floor-plan.png"),
        collection=contributions_collection(),
        uploaded_by_user=teacher,
    )
    draft.files.add(ResourceFile(document=upload))
    draft.save_revision(user=teacher)
    draft.refresh_from_db()
    draft.get_workflow().start(draft, teacher)
    world.ids[School] = [bittern.pk]  # its usage view lists the pages that name it
    world.ids[Document] = [upload.pk]
    world.ids[Image] = [picture.pk]
    world.document_urls.append(upload.url)
    world.ids[ContributorRequest] = list(
        ContributorRequest.objects.filter(user=teacher).values_list("pk", flat=True)
    )
    world.secrets |= {
        "school B's draft title": draft.title,
        "school B's draft slug": draft.slug,
        "school B's upload title": upload.title,
        "school B's upload file name": upload.filename,
        "school B's image title": picture.title,
        "school B's contributor's email": teacher.email,
    }
    return draft


def _people(home: HomePage, world: World) -> None:
    """Team A's officer, school A's contributor (with a draft of their own), reporting, editor."""
    highways = placement_factories.host_team(home, "highways")
    kingfisher = resource_factories.school(name="Kingfisher Academy", urn="990101")
    contributor = people.contributor("kingfisher-teacher", school=kingfisher)
    own = resource_factories.resource(resource_factories.resource_index(home), title="Own draft", live=False)
    Page.objects.filter(pk=own.pk).update(owner=contributor)
    members = {
        "editor": people.editor("guard-editor"),
        "reporting": people.reporter("guard-reporter"),
        "officer": people.team_member(highways.team, "highways-officer"),
        "contributor": contributor,
    }
    for role, person in members.items():
        client = Client(raise_request_exception=False)
        client.force_login(person)
        world.clients[role] = client
    world.clients["anonymous"] = Client(raise_request_exception=False)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePage.objects.get()
        built = World()
        _people(home, built)
        pages = [_b_team(home, built), _b_school(home, built)]
        built.ids[Page] = [page.pk for page in pages]
        built.extra["revision"] = list(
            Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages]).values_list(
                "pk", flat=True
            )
        )
        built.extra["workflow_state"] = list(
            WorkflowState.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))
            .filter(object_id__in=[str(p.pk) for p in pages])
            .values_list("pk", flat=True)
        )
        built.extra["task_state"] = list(
            TaskState.objects.filter(workflow_state__in=built.extra["workflow_state"]).values_list(
                "pk", flat=True
            )
        )
        built.extra["task"] = list(
            TaskState.objects.filter(pk__in=built.extra["task_state"]).values_list("task_id", flat=True)
        )
        built.extra["page_type"] = [
            (p.specific_class._meta.app_label, p.specific_class._meta.model_name) for p in pages
        ]
        yield built
        transaction.set_rollback(True)


# Walking the URLconf ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    path: str  # the admin/... pattern as written, for messages
    name: str
    pattern: URLPattern
    model: type | None
    exports: bool


def _patterns(resolvers: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}".strip(":") if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            yield prefix + str(entry.pattern), f"{namespace}:{entry.name or ''}".strip(":"), entry


def _viewset_models() -> dict[str, type]:
    models = {vs.name: vs.model for vs in viewsets.viewsets if isinstance(vs, ModelViewSet)}
    uploads = {"wagtaildocs": Document, "wagtaildocs_chooser": Document}
    return models | uploads | {"wagtailimages": Image, "wagtailimages_chooser": Image}


def admin_routes() -> list[Route]:
    """Every URL pattern under admin/, with the model its namespace manages (if any)."""
    models = _viewset_models()
    routes = []
    for path, name, pattern in _patterns(get_resolver().url_patterns):
        # Signing out (even a refused GET) would end the walk's session; "failwhale" is Wagtail's
        # deliberate error page.
        if not path.startswith("admin/") or name.endswith(("logout", "wagtailadmin_error_test")):
            continue
        namespace = name.rsplit(":", 1)[0] if ":" in name else ""
        model = next((m for ns, m in models.items() if namespace.split(":")[0] == ns), None)
        if model is None and namespace.startswith("wagtailadmin_api"):
            model = Document if "documents" in namespace else Image if "images" in namespace else Page
        view_class = getattr(pattern.callback, "view_class", None)
        if getattr(pattern.callback, "view_initkwargs", {}).get("results_only"):
            continue  # the same listing as its index view (the part a filter change reloads)
        exports = bool(view_class and issubclass(view_class, SpreadsheetExportMixin))
        routes.append(Route(path, name, pattern, model, exports))
    return routes


PAGE_ARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id", "object_id"}
DOCUMENT_ARGS = {"document_id", "doc_id"}
FIXED = {"filter_spec": ["original"], "action_name": ["approve"], "revision_id_a": ["earliest"]}
FIXED |= {"revision_id_b": ["latest"], "key": ["resources"], "uidb64": [], "token": []}


def _values(world: World, route: Route, name: str) -> list[Any]:
    """The values to try for one URL argument."""
    if name in PAGE_ARGS:
        return world.ids[Page]
    if name in DOCUMENT_ARGS:
        return world.ids[Document]
    if name == "image_id":
        return world.ids[Image]
    if name in FIXED:
        return FIXED[name]
    for kind in ("revision", "task_state", "workflow_state", "task"):
        if name == f"{kind}_id":
            return world.extra[kind]
    if name == "pk":
        if route.model is not None and route.model._meta.concrete_model in world.ids:
            return world.ids[route.model._meta.concrete_model]
        if route.model is not None:
            first = route.model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            return [first] if first is not None else []
        return sorted({pk for pks in world.ids.values() for pk in pks})
    # Anything else numeric (sessions, uploads, collections...) is tried with each of B's ids.
    return sorted({pk for pks in world.ids.values() for pk in pks})


MODEL_PAIRS = {("app_label", "model_name"), ("content_type_app_name", "content_type_model_name")}
MODEL_PAIRS |= {("app_name", "model_name")}


def _model_pairs(world: World) -> list[tuple[str, str]]:
    return [*world.extra["page_type"], ("wagtailcore", "page"), ("wagtaildocs", "document")]


def fill(world: World, route: Route) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(URL arguments, GET parameters) to request for a route."""
    converters = route.pattern.pattern.converters if hasattr(route.pattern.pattern, "converters") else {}
    names = list(converters) or list(route.pattern.pattern.regex.groupindex)
    if route.name == "wagtail_bulk_action":
        bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # registers them all
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
                ids = world.ids.get(model._meta.concrete_model) or world.ids.get(Page, [])
                for action in actions:
                    kwargs = {"app_label": app_label, "model_name": model_name, "action": action}
                    yield kwargs, {"id": ids}
        return
    pair = next(((a, m) for a, m in MODEL_PAIRS if a in names and m in names), None)
    rest = [n for n in names if not pair or n not in pair]
    choices = [_values(world, route, n) for n in rest]
    pairs = _model_pairs(world) if pair else [None]
    for values in itertools.product(*choices):
        for model_pair in pairs:
            kwargs = dict(zip(rest, values, strict=True))
            if pair:
                kwargs |= dict(zip(pair, model_pair, strict=True))
            yield kwargs, {}


def _url(route: Route, kwargs: dict[str, Any]) -> str | None:
    if not route.name or route.name.endswith(":"):
        return None
    try:
        return reverse(route.name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def requests_for(world: World, route: Route) -> Iterator[str]:
    """Every address to GET for a route: each filling, a list's search, a spreadsheet's CSV."""
    for kwargs, params in fill(world, route):
        url = _url(route, kwargs)
        if url is None:
            continue
        if not kwargs and not params:
            # A list asked for B's marker shows B's things first (and a search view shows any).
            yield f"{url}?{urlencode({'q': MARK, 'search': MARK})}"
        else:
            yield url + ("?" + urlencode(params, doseq=True) if params else "")
        if route.exports:
            yield f"{url}?{urlencode({'export': 'csv'})}"


def body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def addresses(world: World) -> list[str]:
    """Every address the walk asks for, each once, in the URLconf's order."""
    urls = [u for route in admin_routes() for u in requests_for(world, route)] + world.document_urls
    return list(dict.fromkeys(urls))


def walk(
    world: World, role: str, urls: list[str], until_all_seen: bool = False
) -> tuple[dict[str, list[str]], list[str]]:
    """What each secret was seen at and the addresses that failed with a 500 (stopping once
    every secret has been seen, if asked to)."""
    client = world.clients[role]
    seen: dict[str, list[str]] = {}
    errors = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url} ({response.status_code})")
            continue
        text = body(response)
        for what, secret in world.secrets.items():
            if secret in text:
                seen.setdefault(what, []).append(url)
        if until_all_seen and len(seen) == len(world.secrets):
            break
    return seen, errors


# Each role's walk is split in parts, every PARTS-th address from the part's own: the parts are
# tests of their own, so xdist spreads one role's walk over the workers instead of ending the run
# with a single worker still walking.
PARTS = 2


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("role", [r for r in ROLES if r != "editor"])
def test_no_admin_url_shows_another_teams_or_schools_private_things(world, role, part):
    urls = addresses(world)
    assert len(urls) > 300  # the walk covers the admin, not an empty URLconf
    seen, errors = walk(world, role, urls[part::PARTS])
    leaks = "\n".join(f"  {what}: {', '.join(urls[:6])}" for what, urls in sorted(seen.items()))
    assert not seen, f"As {role}, B's private things were shown:\n{leaks}"
    assert not errors, f"As {role}, these admin addresses failed: {errors}"


def likeliest_first(urls: list[str]) -> list[str]:
    """The walk's addresses with those likeliest to show one of B's things first: an object's edit
    or inspect view, then a list's search for B's marker. The editor's walk stops once it has seen
    every secret, so the order only decides how soon; every address stays in the walk."""

    def rank(url: str) -> int:
        return 0 if "/edit/" in url or "/inspect/" in url else 1 if f"q={MARK}" in url else 2

    return sorted(urls, key=rank)  # stable: the URLconf's order within each rank


def test_the_editor_sees_them_all_so_the_walk_reaches_them(world):
    """The editor may see every draft, upload, request and enquiry: if the walk did not find each
    secret as editor, the other roles' clean result would prove nothing."""
    seen, errors = walk(world, "editor", likeliest_first(addresses(world)), until_all_seen=True)
    assert set(world.secrets) <= set(seen), f"never reached: {set(world.secrets) - set(seen)}"
    assert not errors, f"As editor, these admin addresses failed: {errors}"
