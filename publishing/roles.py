"""The portal's roles, each a Wagtail group with exactly the permissions it needs.

- Editors: the admin; add, edit, publish, delete, lock and unlock every page (page permissions on
  the root page); every permission on the snippets and admin models of the portal's own apps
  (taxonomy descriptions, schools, council teams and whatever later apps register); all documents
  and images; redirects; contributor requests; the impact dashboard. Editors are the "Editor
  review" moderators of school contributions.
- Council team members: the admin only. Each council team also has its own group (created by the
  placements app, one per portal.taxonomy.CouncilTeam) holding the page permissions on the team's
  own subtree. An officer belongs to both, and Django and Wagtail grant the union: admin access
  from this role, their own team's listings and requests from the team group, nothing else.
- School contributors: the admin; "add" on each resource bank page and nothing more, so they can
  create resources and case studies, edit only pages they own (Wagtail lets an "add"-only user edit
  their own pages and nobody else's), submit them to "Editor review", and never publish; add and
  choose documents and images in the "School contributions" collection only; no snippets.
- Careers leaders: no admin; the careers self-review at /self-review/ for the school their account
  is linked to (selfreview.CareersLeader, which editors manage).
- Reporting: the admin and the impact dashboard, read-only.
Superusers are kept for site administration (users, groups, workflows, sites).

Two steps build the roles. The data migration creates the groups and their plain permissions.
`manage.py setup_roles` (also run after every `migrate` and by `load_demo_content`) then adds what
cannot exist at migration time: permissions on models added later, page permissions on pages that
editors create later (the resource bank), collection permissions and the "Editor review" workflow.
Both steps are idempotent and both *set* permissions, so a group never drifts from this file."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

EDITORS = "Editors"
COUNCIL_TEAM_MEMBERS = "Council team members"
SCHOOL_CONTRIBUTORS = "School contributors"
REPORTING = "Reporting"
CAREERS_LEADERS = "Careers leaders"
ROLES = (EDITORS, COUNCIL_TEAM_MEMBERS, SCHOOL_CONTRIBUTORS, REPORTING, CAREERS_LEADERS)

CONTRIBUTIONS_COLLECTION = "School contributions"

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
VIEW_DASHBOARD = ("publishing", "view_impact_dashboard")

# Permissions held directly by each group (app label, codename).
GLOBAL_PERMISSIONS: dict[str, frozenset[tuple[str, str]]] = {
    EDITORS: frozenset(
        {
            ACCESS_ADMIN,
            VIEW_DASHBOARD,
            ("publishing", "view_contributorrequest"),
            ("publishing", "change_contributorrequest"),
            ("publishing", "delete_contributorrequest"),
            # The search app's "Search terms" report (a report view, not an admin model).
            ("portal_search", "view_searchtermcount"),
            *(("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")),
        }
    ),
    COUNCIL_TEAM_MEMBERS: frozenset({ACCESS_ADMIN}),
    SCHOOL_CONTRIBUTORS: frozenset({ACCESS_ADMIN}),
    REPORTING: frozenset({ACCESS_ADMIN, VIEW_DASHBOARD}),
    CAREERS_LEADERS: frozenset({("selfreview", "take_self_review")}),
}

# The portal's own apps: Editors get every permission on their admin-managed, non-page models.
PORTAL_APPS = ("portal", "resources", "placements", "hosts", "directory", "stories", "events", "search")
PORTAL_APPS += ("selfreview", "feedback")

EDITOR_PAGE_ACTIONS = ("add", "change", "bulk_delete", "publish", "lock", "unlock")
CONTRIBUTOR_PAGE_ACTIONS = ("add",)
EDITOR_MEDIA_ACTIONS = ("add", "change", "delete", "choose")
CONTRIBUTOR_MEDIA_ACTIONS = ("add", "choose")


def _permissions(apps: Any, keys: Iterable[tuple[str, str]]) -> list[Any]:
    """The Permission rows for (app label, codename) pairs that exist (a fresh database may not
    have a later app's permissions yet; setup_roles adds them)."""
    permission_model = apps.get_model("auth", "Permission")
    query = Q(pk__in=[])
    for app_label, codename in keys:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(permission_model.objects.filter(query))


def sync_groups(apps: Any = global_apps, editor_extras: Iterable[Any] = ()) -> None:
    """Create the four groups and set their global permissions, with `editor_extras` (the admin
    models' permissions) for the Editors. setup_roles runs it after every migrate; the data
    migration keeps its own frozen copy of what it did."""
    group_model = apps.get_model("auth", "Group")
    for name in ROLES:
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = _permissions(apps, GLOBAL_PERMISSIONS[name])
        if name == EDITORS:
            permissions += list(editor_extras)
        group.permissions.set(permissions)


def ensure_all_permissions_exist() -> None:
    """Create missing Permission rows now (Django otherwise adds them after each app's migrate)."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)


def admin_model_permissions() -> list[Any]:
    """Every permission on the non-page models of the portal's apps that Wagtail's admin manages
    (snippets and model viewsets), so a content type added later joins the Editors' role."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.urls import get_resolver
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    get_resolver().url_patterns  # noqa: B018 - loading the URLconf registers the admin viewsets
    models = set(get_snippet_models())
    models |= {vs.model for vs in viewsets.viewsets if isinstance(vs, ModelViewSet)}
    portal_models = [
        model
        for model in models
        if model.__module__.split(".")[0] in PORTAL_APPS and not issubclass(model, Page)
    ]
    content_types = ContentType.objects.get_for_models(*portal_models, for_concrete_models=False)
    return list(Permission.objects.filter(content_type__in=content_types.values()))


def _page_permission(action: str) -> Any:
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def sync_page_permissions() -> None:
    """Editors: every page action from the root page down. School contributors: "add" on each
    resource bank. Other roles: no page permissions (council teams get theirs from their own
    team groups)."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Page

    from resources.models import ResourceIndexPage

    root = Page.get_first_root_node()
    wanted = {
        EDITORS: {(root.pk, _page_permission(a).pk) for a in EDITOR_PAGE_ACTIONS},
        SCHOOL_CONTRIBUTORS: {
            (index_pk, _page_permission(a).pk)
            for index_pk in ResourceIndexPage.objects.values_list("pk", flat=True)
            for a in CONTRIBUTOR_PAGE_ACTIONS
        },
        COUNCIL_TEAM_MEMBERS: set(),
        REPORTING: set(),
        CAREERS_LEADERS: set(),
    }
    for name, pairs in wanted.items():
        group = Group.objects.get(name=name)
        held = set(group.page_permissions.values_list("page_id", "permission_id"))
        for page_id, permission_id in held - pairs:
            GroupPagePermission.objects.filter(
                group=group, page_id=page_id, permission_id=permission_id
            ).delete()
        for page_id, permission_id in pairs - held:
            GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)


def contributions_collection() -> Any:
    """The collection school contributors upload their files and images to."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=CONTRIBUTIONS_COLLECTION).first()
    return existing or root.add_child(name=CONTRIBUTIONS_COLLECTION)


def sync_collection_permissions() -> None:
    """Editors: every document and image action in every collection. School contributors: add and
    choose in "School contributions" only."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    def media(actions: Iterable[str]) -> list[Any]:
        codenames = [f"{a}_{kind}" for a in actions for kind in ("document", "image")]
        return list(
            Permission.objects.filter(
                content_type__app_label__in=["wagtaildocs", "wagtailimages"], codename__in=codenames
            )
        )

    wanted = {
        EDITORS: {(Collection.get_first_root_node().pk, p.pk) for p in media(EDITOR_MEDIA_ACTIONS)},
        SCHOOL_CONTRIBUTORS: {
            (contributions_collection().pk, p.pk) for p in media(CONTRIBUTOR_MEDIA_ACTIONS)
        },
        COUNCIL_TEAM_MEMBERS: set(),
        REPORTING: set(),
        CAREERS_LEADERS: set(),
    }
    for name, pairs in wanted.items():
        group = Group.objects.get(name=name)
        held = set(group.collection_permissions.values_list("collection_id", "permission_id"))
        for collection_id, permission_id in held - pairs:
            GroupCollectionPermission.objects.filter(
                group=group, collection_id=collection_id, permission_id=permission_id
            ).delete()
        for collection_id, permission_id in pairs - held:
            GroupCollectionPermission.objects.create(
                group=group, collection_id=collection_id, permission_id=permission_id
            )


def setup_roles() -> None:
    """Bring every role, and the Editor review workflow, up to date. Idempotent."""
    from wagtail.models import Collection, Page

    from .moderation import sync_editor_review

    ensure_all_permissions_exist()
    sync_groups(global_apps, editor_extras=admin_model_permissions())
    # A flushed database (some test set-ups) has no page or collection tree to hang permissions on.
    if Page.get_first_root_node() is None or Collection.get_first_root_node() is None:
        return
    sync_page_permissions()
    sync_collection_permissions()
    sync_editor_review()
