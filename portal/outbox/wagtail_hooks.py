"""Registers "Outgoing email" in the admin menu (editors: see portal.outbox.admin_views)."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import OutgoingEmailPolicy, RetryForm, RetryView
from .models import OutgoingEmail

register_permission_policy(OutgoingEmail, OutgoingEmailPolicy(OutgoingEmail), exact_class=True)

SHOWN_FIELDS = ["subject", "recipients", "status", "attempts", "last_error", "created_at", "sent_at"]


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    name = "outbox"
    url_prefix = "outgoing-email"
    icon = "mail"
    menu_label = "Outgoing email"
    menu_order = 295
    add_to_admin_menu = True
    edit_view_class = RetryView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["subject", "recipients", "status", "attempts", "last_error", "created_at"]
    list_filter = ["status"]
    search_fields = ["subject", "key"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_fields = [*SHOWN_FIELDS, "body"]

    def get_edit_handler(self) -> ObjectList:
        details = [
            FieldPanel(name, read_only=True)
            for name in ("subject", "status", "attempts", "last_error", "created_at")
        ]
        return ObjectList(details, base_form_class=RetryForm).bind_to_model(self.model)


@hooks.register("register_admin_viewset")
def register_outbox() -> ModelViewSet:
    return OutgoingEmailViewSet()
