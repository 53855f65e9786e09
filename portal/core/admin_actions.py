"""A Wagtail admin "edit" view that is really one action on one object (decide a contributor
request, send an email again)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from wagtail.admin.views.generic import EditView


class ObjectActionView(EditView):
    """Refused unless the permission policy allows "change" on this very object (not just on the
    model), and no "save and continue" buttons: the action is done once."""

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied

    def get_success_buttons(self) -> list:
        return []
