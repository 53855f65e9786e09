"""Admin for Careers Network attendance: a record per meeting (which schools and colleges came)
and the success-measure report per academic year. Both need the Django permissions on
NetworkAttendance (view to read the report; add/change to record attendance)."""

from typing import Any

from django import forms
from django.http import HttpRequest
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from .attendance import TARGET_MEETINGS, TARGET_SHARE, YearFigures, network_figures, school_breakdown
from .dates import local
from .forms import NetworkAttendanceForm
from .models import EventAttendance, EventKind, EventPage, NetworkAttendance

REPORT_URL_NAME = "network_attendance:report"


class NetworkReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The success measure per academic year, and for one year (`?year=2025`) each school's count."""

    permission_policy = ModelPermissionPolicy(NetworkAttendance)
    permission_required = "view"
    template_name = "events/admin/network_report.html"
    page_title = "Careers Network success measure"
    header_icon = "group"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return self.breadcrumbs_items + [
            {"url": reverse("network_attendance:index"), "label": "Careers Network attendance"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        years = network_figures()
        chosen = self._chosen_year(years)
        context.update(
            years=years,
            chosen=chosen,
            breakdown=school_breakdown(chosen) if chosen else [],
            target_meetings=TARGET_MEETINGS,
            target_share=TARGET_SHARE,
        )
        return context

    def _chosen_year(self, years: list[YearFigures]) -> YearFigures | None:
        wanted = self.request.GET.get("year", "")
        return next(
            (figures for figures in years if str(figures.year.start_year) == wanted),
            years[0] if years else None,
        )


class NetworkAttendanceIndexView(IndexView):
    @property
    def header_buttons(self) -> list[Any]:
        return [
            *super().header_buttons,
            HeaderButton("Success measure report", url=reverse(REPORT_URL_NAME), icon_name="table"),
        ]


class NetworkAttendanceCreateView(CreateView):
    """Reached from a meeting's page with ?meeting=<id>, so that meeting is already chosen."""

    def get_initial(self) -> dict[str, Any]:
        return {**super().get_initial(), "meeting": self.request.GET.get("meeting")}


class NetworkAttendanceViewSet(ModelViewSet):
    model = NetworkAttendance
    index_view_class = NetworkAttendanceIndexView
    add_view_class = NetworkAttendanceCreateView
    icon = "group"
    menu_label = "Network attendance"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "network-attendance"
    url_namespace = "network_attendance"
    list_display = [
        "meeting",
        Column("date", label="Date", accessor=lambda record: f"{local(record.meeting.start):%d/%m/%Y}"),
        Column("attended", label="Schools and colleges", accessor=lambda record: record.schools.count()),
    ]
    list_export = ["meeting", "schools", "notes"]
    search_fields = ["meeting__title"]
    edit_handler = ObjectList(
        [
            # A list of network meetings, newest first, rather than the page chooser (which would
            # browse every event of every type).
            FieldPanel("meeting", widget=forms.Select),
            FieldPanel("schools", widget=forms.CheckboxSelectMultiple),
            FieldPanel("notes"),
        ],
        base_form_class=NetworkAttendanceForm,
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        return NetworkAttendance.objects.select_related("meeting").prefetch_related("schools")

    def get_urlpatterns(self) -> list[Any]:
        return [*super().get_urlpatterns(), path("report/", NetworkReportView.as_view(), name="report")]


network_attendance_viewset = NetworkAttendanceViewSet("network_attendance")


@hooks.register("register_admin_viewset")
def register_network_attendance() -> ModelViewSet:
    return network_attendance_viewset


class EventAttendanceCreateView(CreateView):
    """Reached from an event's page with ?event=<id>, so that event is already chosen."""

    def get_initial(self) -> dict[str, Any]:
        return {**super().get_initial(), "event": self.request.GET.get("event")}


class EventAttendanceViewSet(ModelViewSet):
    """How many schools, young people, parents and staff came to each event (not the network's
    meetings, whose schools are ticked by name)."""

    model = EventAttendance
    add_view_class = EventAttendanceCreateView
    icon = "group"
    menu_label = "Event attendance"
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "event-attendance"
    url_namespace = "event_attendance"
    list_display = [
        "event",
        Column("kind", label="Type", accessor=lambda record: record.event.get_kind_display()),
        "schools",
        "young_people",
        "parents",
        "staff",
    ]
    list_export = ["event", "schools", "young_people", "parents", "staff", "notes"]
    search_fields = ["event__title"]
    edit_handler = ObjectList(
        [
            FieldPanel("event", widget=forms.Select),
            FieldRowPanel([FieldPanel(name) for name in ("schools", "young_people", "parents", "staff")]),
            FieldPanel("notes"),
        ]
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        return EventAttendance.objects.select_related("event")


@hooks.register("register_admin_viewset")
def register_event_attendance() -> ModelViewSet:
    return EventAttendanceViewSet("event_attendance")


class NetworkReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return ModelPermissionPolicy(NetworkAttendance).user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_network_report_menu_item() -> MenuItem:
    return NetworkReportMenuItem(
        "Careers Network measure",
        reverse(REPORT_URL_NAME),
        name="careers-network-measure",
        icon_name="group",
        order=1000,
    )


@hooks.register("register_page_header_buttons")
def record_attendance_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    """ "Record attendance" in an event's page menu, for officers who may: the schools that came
    to a Careers Network meeting, or the counts for any other event."""
    if not isinstance(page, EventPage):
        return
    network = page.kind == EventKind.NETWORK_MEETING
    model, namespace, field = (
        (NetworkAttendance, "network_attendance", "meeting")
        if network
        else (EventAttendance, "event_attendance", "event")
    )
    policy = ModelPermissionPolicy(model)
    record = model.objects.filter(**{field: page}).first()
    if record and policy.user_has_permission(user, "change"):
        yield Button(
            "Record attendance",
            url=reverse(f"{namespace}:edit", args=[record.pk]),
            icon_name="group",
            priority=80,
        )
    elif not record and policy.user_has_permission(user, "add"):
        url = f"{reverse(f'{namespace}:add')}?{field}={page.pk}"
        yield Button("Record attendance", url=url, icon_name="group", priority=80)
