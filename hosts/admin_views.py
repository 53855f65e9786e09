"""The editors' admin for applications to host: nobody adds one here (they come from the public
form), and only a pending application can be decided."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from wagtail.admin.views.generic import EditView
from wagtail.permission_policies import ModelPermissionPolicy

from . import approval
from .models import HostApplication


class HostApplicationPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user: Any, action: str) -> bool:
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: HostApplication) -> bool:
        if action == "change" and instance.status != HostApplication.Status.PENDING:
            return False
        return self.user_has_permission(user, action)


class DecideView(EditView):
    """The application's answers and an approve / decline choice (the viewset's "edit" view)."""

    page_title = "Decide"
    submit_button_label = "Save decision"
    success_message = "%(object)s: decision saved and emailed."

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied

    def save_instance(self) -> HostApplication:
        try:
            if self.form.cleaned_data["decision"] == "approve":
                approval.approve(self.object, by=self.request.user)
            else:
                approval.decline(self.object, by=self.request.user, note=self.form.cleaned_data["note"])
        except approval.AlreadyDecided as error:
            raise PermissionDenied from error
        self.object.refresh_from_db()
        return self.object

    def get_success_buttons(self) -> list:
        return []
