"""Careers leaders in the admin (editors link an account to its school) and the council's network
view of the self-reviews."""

from django import forms
from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from publishing.admin_views import DASHBOARD_PERMISSION

from .admin_views import NetworkView, network_csv
from .models import CareersLeader


class CareersLeaderViewSet(ModelViewSet):
    """Which account is the careers leader of which school. Saving one gives the account the
    Careers leaders role; deleting it takes the role away."""

    model = CareersLeader
    icon = "user"
    menu_label = "Careers leaders"
    menu_order = 295
    add_to_admin_menu = True
    url_prefix = "careers-leaders"
    url_namespace = "careers_leaders"
    list_display = ["user", "school"]
    search_fields = ["user__email", "school__name"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList([FieldPanel("user", widget=forms.Select), FieldPanel("school")])


@hooks.register("register_admin_viewset")
def register_careers_leaders() -> ModelViewSet:
    return CareersLeaderViewSet("careers_leaders")


@hooks.register("register_admin_urls")
def register_network_urls() -> list:
    return [
        path("self-review-network/", NetworkView.as_view(), name="selfreview_network"),
        path("self-review-network/<slug:key>.csv", network_csv, name="selfreview_network_csv"),
    ]


class NetworkMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(DASHBOARD_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_network_menu_item() -> MenuItem:
    return NetworkMenuItem(
        "Self-review network", reverse("selfreview_network"), icon_name="table", order=1100
    )
