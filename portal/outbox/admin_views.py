"""Outgoing email in the Wagtail admin: editors see what is waiting, sent or given up, and send a
message that gave up again. Nobody adds, edits or deletes messages here."""

from typing import Any

from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from portal.core.admin_actions import ObjectActionView

from . import delivery
from .models import OutgoingEmail

RETRY_PERMISSION = "outbox.retry_outgoingemail"


class OutgoingEmailPolicy(ModelPermissionPolicy):
    """Viewing needs the model's view permission; "change" (the viewset's edit view, which is the
    retry) needs the retry permission and a message that gave up. Nothing else is allowed."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if action == "view":
            return super().user_has_permission(user, "view")
        if action == "change":
            return user.has_perm(RETRY_PERMISSION)
        return False

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: OutgoingEmail) -> bool:
        if action == "change" and instance.status != OutgoingEmail.Status.FAILED:
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user: Any, actions: Any, instance: OutgoingEmail) -> bool:
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


class RetryForm(WagtailAdminModelForm):
    """Nothing to fill in: the button is the decision."""

    class Meta:
        model = OutgoingEmail
        fields: list[str] = []


class RetryView(ObjectActionView):
    """The message's details and a "Send again" button (the viewset's edit view)."""

    page_title = "Send again"
    submit_button_label = "Send again"
    success_message = "“%(object)s” is queued to be sent again."

    def save_instance(self) -> OutgoingEmail:
        if not delivery.retry(self.object):
            raise PermissionDenied  # someone else sent it again first
        self.object.refresh_from_db()
        return self.object
