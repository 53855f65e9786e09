"""Host teams' feedback page in the admin."""

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import HostFeedbackView, may_see_feedback


@hooks.register("register_admin_urls")
def register_feedback_urls() -> list:
    return [path("placement-feedback/", HostFeedbackView.as_view(), name="feedback_host")]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return may_see_feedback(request.user)


@hooks.register("register_admin_menu_item")
def register_feedback_menu_item() -> MenuItem:
    return FeedbackMenuItem("Placement feedback", reverse("feedback_host"), icon_name="comment", order=260)
