"""Admin views: deciding contributor requests, the impact dashboard with its CSV downloads, and the
content freshness report."""

import csv
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.home.admin_actions import ObjectActionView

from . import contributors, dashboard
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


class CSVEscapingWriter:
    """csv.writer that stops spreadsheet programs reading a cell as a formula (search terms come
    from the public, so "=HYPERLINK(...)" must stay text)."""

    DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

    def __init__(self, response: HttpResponse) -> None:
        self.writer = csv.writer(response)

    def writerow(self, row: list[Any]) -> None:
        self.writer.writerow(
            [
                f"'{v}" if isinstance(v, str) and v.startswith(self.DANGEROUS) else ("" if v is None else v)
                for v in row
            ]
        )


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
    writer = CSVEscapingWriter(response)
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
