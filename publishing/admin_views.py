"""Admin views: deciding contributor requests, the impact dashboard with its CSV downloads, and the
content freshness report."""

from typing import Any

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowView,
    get_editable_content_type_ids,
    get_editable_page_ids_query,
)
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permission_policies import ModelPermissionPolicy

from portal.core.admin_actions import ObjectActionView
from portal.exports import SafeCSVWriter

from . import contributors, dashboard
from .drafts import without_other_peoples_drafts
from .freshness import StaleItem, review_cutoff, stale_items
from .models import ContributorRequest

DASHBOARD_PERMISSION = "publishing.view_impact_dashboard"


class ContributorRequestPolicy(ModelPermissionPolicy):
    """Requests only come from the public form, so nobody adds one in the admin; only a pending
    request can be decided."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: ContributorRequest) -> bool:
        if action == "change" and instance.status != ContributorRequest.Status.PENDING:
            return False
        return self.user_has_permission(user, action)


class DecideView(ObjectActionView):
    """The request's details and an approve / turn down choice (the viewset's "edit" view)."""

    page_title = "Decide"
    submit_button_label = "Save decision"
    success_message = "%(object)s: decision saved and emailed."

    def save_instance(self) -> ContributorRequest:
        try:
            if self.form.cleaned_data["decision"] == "approve":
                contributors.approve_and_invite(self.object, by=self.request.user)
            else:
                contributors.reject(self.object, by=self.request.user)
        except contributors.AlreadyDecided as error:
            raise PermissionDenied from error
        self.object.refresh_from_db()
        return self.object


class DashboardPermissionMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(DASHBOARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImpactDashboardView(DashboardPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Where the resource bank is thin, and how placements, services, downloads and search are
    used. Read-only."""

    template_name = "publishing/admin/dashboard.html"
    page_title = "Impact dashboard"
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        period = dashboard.Period.from_param(self.request.GET.get("months"))
        context["period"] = period
        context["month_choices"] = (3, 6, 12, 24, 36)
        context["tables"] = [(key, build(period)) for key, build in dashboard.TABLES.items()]
        return context


def dashboard_csv(request: HttpRequest, key: str) -> HttpResponse:
    """One dashboard table as CSV: the same Table the page shows."""
    if not request.user.has_perm(DASHBOARD_PERMISSION):
        raise PermissionDenied
    build = dashboard.TABLES.get(key)
    if build is None:
        raise Http404("No such table.")
    period = dashboard.Period.from_param(request.GET.get("months"))
    table = build(period)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{key}-{period.start:%Y-%m}-to-{period.today:%Y-%m}.csv"'
    )
    writer = SafeCSVWriter(response)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(row)
    return response


class FreshnessReportView(DashboardPermissionMixin, ReportView):
    """Live resources, placements, services and other dated pages not checked within
    CONTENT_REVIEW_MONTHS, oldest first, with their owners. Exports as CSV or Excel."""

    page_title = "Content due for review"
    header_icon = "time"
    results_template_name = "publishing/admin/freshness_results.html"
    index_url_name = "publishing_freshness"
    index_results_url_name = "publishing_freshness_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Title", get_url=lambda item: item.edit_url, id_accessor="edit_url"),
        Column("type_label", label="Type"),
        Column("checked_label", label="Last reviewed or confirmed"),
        Column("owner", label="Owner"),
        Column("owner_email", label="Owner's email"),
    ]
    list_export = ["title", "type_label", "checked_label", "owner", "owner_email"]
    export_headings = {
        "title": "Title",
        "type_label": "Type",
        "checked_label": "Last reviewed or confirmed",
        "owner": "Owner",
        "owner_email": "Owner's email",
    }

    def get_queryset(self) -> list[StaleItem]:
        return stale_items()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["cutoff"] = review_cutoff()
        context["review_months"] = settings.CONTENT_REVIEW_MONTHS
        return context


class DraftHidingPageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's "Page types usage" report, naming for each type the most recently edited page
    the user may see, not another person's draft (Wagtail picks from every page)."""

    def decorate_paginated_queryset(self, page_types: Any) -> Any:
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        for item in page_types:
            last = item.last_edited_page
            if last is not None and not without_other_peoples_drafts(Page.objects.filter(pk=last.pk), user):
                item.last_edited_page = (
                    without_other_peoples_drafts(Page.objects.filter(content_type=item), user)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                    .specific()
                    .first()
                )
        return page_types


def requesters_visible_to(request: HttpRequest) -> QuerySet:
    """Who asked for moderation of the pages and objects the user may edit: the people the report's
    own rows could name. Wagtail's filter offers everyone who ever asked, by username (often an
    email address), to any officer or contributor who opens the report."""
    states = WorkflowState.objects.filter(
        Q(
            base_content_type_id=get_default_page_content_type().id,
            object_id__in=get_editable_page_ids_query(request),
        )
        | Q(content_type_id__in=get_editable_content_type_ids(request))
    )
    people = get_user_model()
    return people.objects.filter(pk__in=states.values("requested_by")).order_by(people.USERNAME_FIELD)


class ScopedWorkflowReportFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(field_name="requested_by", queryset=requesters_visible_to)


class ScopedWorkflowView(WorkflowView):
    """Wagtail's workflow report, its "requested by" filter limited to `requesters_visible_to`."""

    filterset_class = ScopedWorkflowReportFilterSet
