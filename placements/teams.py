"""Who may do what with placements. A council team's staff are the members of its Wagtail group;
the group may add, edit and publish pages only under the team's HostTeamPage, and sees and decides
only the requests sent to the team. Editors (users with the `change_placementrequest` model
permission, given to Wagtail's Editors and Moderators groups) and superusers see everything."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

from portal.taxonomy.models import CouncilTeam

from .models import HostTeamPage, PlacementIndexPage, PlacementRequest

TEAM_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def sees_all_placements(user: Any) -> bool:
    return bool(
        getattr(user, "is_active", False)
        and (user.is_superuser or user.has_perm("placements.change_placementrequest"))
    )


def team_ids_for(user: Any) -> set[int]:
    return set(CouncilTeam.for_user(user).values_list("pk", flat=True))


def requests_for(user: Any) -> models.QuerySet[PlacementRequest]:
    """The requests a user may see and decide: all for editors, their teams' for team staff."""
    if sees_all_placements(user):
        return PlacementRequest.objects.all()
    if not getattr(user, "is_active", False):
        return PlacementRequest.objects.none()
    return PlacementRequest.objects.filter(team__in=CouncilTeam.for_user(user))


def team_group_name(team: CouncilTeam) -> str:
    return f"Host team: {team.name}"[:150]


@transaction.atomic
def grant_team_access(host_page: HostTeamPage) -> Group:
    """Give the team's group admin access and add/edit/publish on its own subtree, creating the
    group if the team has none yet. Idempotent."""
    team = host_page.team
    group = team.group
    if group is None:
        group, _ = Group.objects.get_or_create(name=team_group_name(team))
        CouncilTeam.objects.filter(pk=team.pk).update(group=group)
        team.group = group
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in TEAM_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=host_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group


@transaction.atomic
def setup_host_team(team: CouncilTeam, index: PlacementIndexPage | None = None) -> HostTeamPage:
    """The team's page in the directory (created and published if missing) with its group and
    page permissions. Used by `manage.py setup_host_team` and the demo content."""
    host_page = HostTeamPage.objects.filter(team=team).first()
    if host_page is None:
        index = index or PlacementIndexPage.objects.get()
        host_page = HostTeamPage(title=team.name, slug=team.slug, team=team, intro=team.description)
        index.add_child(instance=host_page)
        host_page.save_revision().publish()
    grant_team_access(host_page)
    return host_page


class PlacementRequestPolicy(ModelPermissionPolicy):
    """Requests are never added or deleted in the admin (schools send them; the retention command
    clears them). Team staff may view and decide their own team's; editors everyone's."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action not in {"view", "change"}:
            return False
        return sees_all_placements(user) or bool(team_ids_for(user))

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions: Any) -> models.QuerySet:
        if not set(actions) & {"view", "change"}:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                models.Q(is_superuser=True)
                | models.Q(groups__council_team__isnull=False)
                | models.Q(groups__permissions__codename="change_placementrequest")
                | models.Q(user_permissions__codename="change_placementrequest")
            )
            .distinct()
        )

    def user_has_permission_for_instance(self, user: Any, action: str, instance: PlacementRequest) -> bool:
        return self.user_has_permission(user, action) and requests_for(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> models.QuerySet:
        if not self.user_has_any_permission(user, actions):
            return PlacementRequest.objects.none()
        return requests_for(user)
