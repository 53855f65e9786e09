"""The admin for work placements: a "Work placements" menu with the team's placement listings
(flagging those due for confirmation) and the requests for places, a dashboard panel, and the
confirm-still-offered action."""

from typing import Any

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import register_permission_policy

from portal.taxonomy.models import CouncilTeam

from .admin_views import DecideRequestView, PlacementsPanel, RequestIndexView, confirm_placement
from .models import HostTeamPage, PlacementPage, PlacementRequest, confirm_due_before, expired_before
from .teams import PlacementRequestPolicy, grant_team_access, sees_all_placements, team_ids_for

register_permission_policy(PlacementRequest, PlacementRequestPolicy(PlacementRequest))


class PlacementFilterSet(PageFilterSet):
    confirmation = django_filters.ChoiceFilter(
        label="Confirmation",
        choices=[("due", "Due for confirmation"), ("expired", "Expired: not in the directory")],
        method="filter_confirmation",
        empty_label="Any",
    )
    host_team = django_filters.ModelChoiceFilter(label="Host team", queryset=CouncilTeam.objects.all())

    class Meta:
        model = PlacementPage
        fields: list[str] = []

    def filter_confirmation(self, queryset: Any, name: str, value: str) -> Any:
        cutoff = expired_before() if value == "expired" else confirm_due_before()
        return queryset.filter(last_confirmed__lt=cutoff)


class PlacementListingViewSet(PageListingViewSet):
    """Every placement the user may edit, with when it was last confirmed."""

    model = PlacementPage
    name = "placement_listings"
    icon = "date"
    menu_label = "Placements"
    columns = [
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("host_team", label="Host team", accessor="host_team", sort_key="host_team__name"),
        DateColumn("last_confirmed", label="Last confirmed", sort_key="last_confirmed"),
        Column("confirmation_label", label="Confirmation"),
        PageStatusColumn("status", label="Status", sort_key="live"),
    ]
    filterset_class = PlacementFilterSet


class PlacementRequestViewSet(ModelViewSet):
    """Requests for places: the index (scoped to the user's teams) and the decide view only;
    requests are never added, edited field by field, copied or deleted here."""

    model = PlacementRequest
    name = "placement_requests"
    icon = "mail"
    menu_label = "Requests for places"
    index_view_class = RequestIndexView
    edit_view_class = DecideRequestView
    copy_view_enabled = False
    list_display = [
        "reference",
        Column("placement_title", label="Placement"),
        Column("dates", label="Dates"),
        "organisation",
        "young_people",
        "status",
        "created_at",
    ]
    list_filter = ["status", "team"]
    # For reporting: counts and organisations, never the requester's contact details.
    list_export = [
        "reference",
        "placement_title",
        "dates",
        "team",
        "setting",
        "organisation",
        "young_people",
        "year_group_labels",
        "status",
        "created_at",
    ]
    search_fields = ["organisation_name", "school__name", "contact_name", "window__placement_title"]
    search_backend_name = None
    ordering = ["-created_at"]

    def get_edit_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # The decide view has its own form (DecisionForm); no model form is built for requests.
        return kwargs

    def get_urlpatterns(self) -> list:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
        ]


class PlacementsMenu(ViewSetGroup):
    menu_label = "Work placements"
    menu_icon = "date"
    menu_order = 210
    items = (PlacementListingViewSet, PlacementRequestViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets() -> ViewSetGroup:
    return PlacementsMenu()


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [path("placements/confirm/<int:page_id>/", confirm_placement, name="placements_confirm")]


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(
        "placements.confirm", "Confirm still offered", "Confirmed the placement is still offered"
    )


class ConfirmButton(PageMenuItem):
    label = "Confirm still offered"
    icon_name = "tick"
    url_name = "placements_confirm"

    def is_shown(self, user: Any) -> bool:
        return self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_listing_more_buttons")
def confirm_listing_button(page: Any, user: Any, next_url: str | None = None) -> Any:
    if isinstance(page.specific_deferred, PlacementPage):
        yield ConfirmButton(page=page, next_url=next_url, priority=3)


@hooks.register("register_page_header_buttons")
def confirm_header_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    if isinstance(page.specific_deferred, PlacementPage):
        yield ConfirmButton(
            page=page, next_url=next_url or reverse("wagtailadmin_pages:edit", args=[page.pk]), priority=12
        )


@hooks.register("construct_homepage_panels")
def add_placements_panel(request: Any, panels: list) -> None:
    if sees_all_placements(request.user) or team_ids_for(request.user):
        panels.append(PlacementsPanel())


@hooks.register("after_create_page")
def give_new_host_team_access(request: Any, page: Any) -> None:
    """A host team page made in the admin gets its group and page permissions straight away."""
    if isinstance(page.specific, HostTeamPage):
        grant_team_access(page.specific)
