"""Publishing in the admin: contributor requests, the impact dashboard, the content freshness
report, and the limits that keep a school contributor to their own drafts and uploads."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from .admin_views import (
    DASHBOARD_PERMISSION,
    ContributorRequestPolicy,
    DecideView,
    FreshnessReportView,
    ImpactDashboardView,
    dashboard_csv,
)
from .drafts import draft_hiding_page_policy, visible_uploads, withheld_download, without_other_peoples_drafts
from .forms import DecisionForm
from .models import ContributorRequest

register_permission_policy(ContributorRequest, ContributorRequestPolicy(ContributorRequest), exact_class=True)
register_permission_policy(Page, draft_hiding_page_policy)


class ContributorRequestViewSet(ModelViewSet):
    """Requests to become a school contributor: the list, and the decision as the edit view."""

    model = ContributorRequest
    name = "contributor_requests"
    url_prefix = "contributor-requests"
    icon = "user"
    menu_label = "Contributor requests"
    menu_order = 290
    add_to_admin_menu = True
    edit_view_class = DecideView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "email", "school", "role_at_school", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "school__name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_fields = [
        "name",
        "email",
        "school",
        "role_at_school",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]

    def get_edit_handler(self) -> ObjectList:
        details = [
            FieldPanel(name, read_only=True)
            for name in ("name", "email", "school", "role_at_school", "created_at")
        ]
        return ObjectList([*details, FieldPanel("decision")], base_form_class=DecisionForm).bind_to_model(
            self.model
        )


@hooks.register("register_admin_viewset")
def register_contributor_requests() -> ModelViewSet:
    return ContributorRequestViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(
        "publishing.contributor.approve", "Approve contributor", "Approved as a school contributor"
    )
    actions.register_action(
        "publishing.contributor.reject", "Turn down contributor", "Turned down as a school contributor"
    )


class ContributorRequestsPanel(Component):
    """On an editor's dashboard: how many requests are waiting (editors are not emailed each one)."""

    name = "contributor_requests"
    order = 150
    template_name = "publishing/admin/requests_panel.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {
            "waiting": ContributorRequest.objects.pending().count(),
            "url": reverse("contributor_requests:index") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_requests_panel(request: HttpRequest, panels: list) -> None:
    if request.user.has_perm("publishing.change_contributorrequest"):
        panels.append(ContributorRequestsPanel())


class DashboardMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(DASHBOARD_PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path("impact/", ImpactDashboardView.as_view(), name="publishing_dashboard"),
        path("impact/<slug:key>.csv", dashboard_csv, name="publishing_dashboard_csv"),
        path("reports/content-due-for-review/", FreshnessReportView.as_view(), name="publishing_freshness"),
        path(
            "reports/content-due-for-review/results/",
            FreshnessReportView.as_view(results_only=True),
            name="publishing_freshness_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item() -> MenuItem:
    return DashboardMenuItem(
        "Impact dashboard", reverse("publishing_dashboard"), icon_name="table", order=150
    )


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item() -> MenuItem:
    return DashboardMenuItem(
        "Content due for review", reverse("publishing_freshness"), icon_name="time", order=650
    )


# A school contributor holds only "add" on the resource bank: these keep other schools' drafts and
# uploads out of the lists they browse (see publishing.drafts for pages).


@hooks.register("construct_page_chooser_queryset")
def hide_other_peoples_drafts_from_the_chooser(pages: QuerySet, request: HttpRequest) -> QuerySet:
    """The page chooser lists pages without asking the permission policy, so it applies the rule
    itself."""
    return without_other_peoples_drafts(pages, request.user)


def _own_uploads_unless_editor(items: QuerySet, request: HttpRequest) -> QuerySet:
    """Someone who may not change documents (or images) anywhere chooses only from their own
    uploads, not from other schools' files for unpublished work."""
    return visible_uploads(items, request.user)


hooks.register("construct_document_chooser_queryset", _own_uploads_unless_editor)
hooks.register("construct_image_chooser_queryset", _own_uploads_unless_editor)


class VisibleUploadsMixin:
    """An admin API endpoint of documents or images kept to the uploads the user may see, like
    the choosers."""

    def get_queryset(self) -> QuerySet:
        return visible_uploads(super().get_queryset(), self.request.user)


class DocumentsAPIViewSet(VisibleUploadsMixin, DocumentsAdminAPIViewSet):
    pass


class ImagesAPIViewSet(VisibleUploadsMixin, ImagesAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)  # after Wagtail's apps register their own
def limit_admin_api_uploads(router: Any) -> None:
    router.register_endpoint("documents", DocumentsAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)


@hooks.register("before_serve_document")
def keep_draft_files_private(document: Any, request: HttpRequest) -> HttpResponse | None:
    """A 404, as for a file that does not exist, while only unpublished pages use the file."""
    if withheld_download(document, request.user):
        raise Http404("No such document.")
    return None
