"""Employers' applications to host, in the admin under "Work placements" for editors."""

from typing import Any

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import DecideView, HostApplicationPolicy
from .forms import DecisionForm, HostApplicationForm
from .models import HostApplication

register_permission_policy(HostApplication, HostApplicationPolicy(HostApplication), exact_class=True)

# Everything the employer answered, in the form's order.
ANSWERS = (*HostApplicationForm.Meta.fields, "created_at")


class HostApplicationViewSet(ModelViewSet):
    """Applications to host: the list, the answers (inspect) and the decision (edit)."""

    model = HostApplication
    name = "host_applications"
    url_prefix = "host-applications"
    icon = "group"
    menu_label = "Employers applying to host"
    menu_order = 295
    add_to_admin_menu = True
    edit_view_class = DecideView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["organisation_name", "sector", "contact_email", "status", "created_at"]
    list_filter = ["status", "sector"]
    search_fields = ["organisation_name", "contact_email"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_fields = [*ANSWERS, "status", "decided_at", "decided_by", "decision_note", "host_team"]

    def get_edit_handler(self) -> ObjectList:
        details = [FieldPanel(name, read_only=True) for name in ANSWERS]
        panels = [*details, FieldPanel("decision"), FieldPanel("note")]
        return ObjectList(panels, base_form_class=DecisionForm).bind_to_model(self.model)


@hooks.register("register_admin_viewset")
def register_host_applications() -> ModelViewSet:
    return HostApplicationViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action("hosts.application.approve", "Approve", "Approved the application to host")
    actions.register_action("hosts.application.decline", "Decline", "Declined the application to host")
