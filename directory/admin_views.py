"""Referral enquiries in the Wagtail admin. A council team sees the enquiries for its own services
only (through its Wagtail group); editors, moderators and superusers see every team's. Staff mark
an enquiry responded, which records who and when; the report shows each service's number of
enquiries and median time to first response, the booklet's success measures."""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from portal.taxonomy.models import CouncilTeam

from .enquiries import describe_duration, response_times
from .models import ReferralEnquiry
from .models.enquiries import VIEW_ALL_PERMISSION


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Seeing and marking enquiries comes with team membership, not model permissions: a team's
    Wagtail group needs nothing more. Nobody adds enquiries in the admin (schools send them) and
    only superusers delete them (the retention command removes contact details instead)."""

    def _has_access(self, user: Any) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if not hasattr(user, "_directory_enquiry_access"):
            # Cached on the user object: listings ask once per row.
            user._directory_enquiry_access = (
                user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION) or CouncilTeam.for_user(user).exists()
            )
        return user._directory_enquiry_access

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"view", "change"}:
            return self._has_access(user)
        if action == "delete":
            return user.is_active and user.is_superuser
        return False

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_permission_for(self, user: Any, action: str) -> QuerySet:
        if not self.user_has_permission(user, action):
            return ReferralEnquiry.objects.none()
        return ReferralEnquiry.objects.for_user(user)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return ReferralEnquiry.objects.none()
        return ReferralEnquiry.objects.for_user(user)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: ReferralEnquiry) -> bool:
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(
        self, user: Any, actions: Any, instance: ReferralEnquiry
    ) -> bool:
        return self.instances_user_has_any_permission_for(user, actions).filter(pk=instance.pk).exists()


class EnquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("awaiting", "Awaiting response"), ("responded", "Responded")],
        method="filter_status",
        empty_label="All",
    )

    class Meta:
        model = ReferralEnquiry
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(responded_at__isnull=value == "awaiting")


def visible_enquiries(user: Any) -> QuerySet:
    return ReferralEnquiry.objects.for_user(user).select_related("school", "responded_by")


class EnquiryResponseForm(WagtailAdminModelForm):
    """Only one thing is edited: whether the team has responded. The rest is shown read-only."""

    responded = forms.BooleanField(
        label="We have responded to this enquiry",
        required=False,
        help_text="Tick when your team first replies. The portal records who ticked it and when.",
    )

    first_time_right = forms.TypedChoiceField(
        label="Could you accept it without asking the school for more information?",
        choices=[("", "Not recorded"), ("yes", "Yes, first time right"), ("no", "No, we asked for more")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="The council reports the share of enquiries answered first time right.",
    )

    class Meta:
        model = ReferralEnquiry
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responded"].initial = self.instance.responded
        recorded = self.instance.first_time_right
        self.fields["first_time_right"].initial = "" if recorded is None else ("yes" if recorded else "no")

    def save(self, commit: bool = True) -> ReferralEnquiry:
        enquiry = super().save(commit=False)
        if self.cleaned_data["responded"] and not enquiry.responded:
            enquiry.responded_at, enquiry.responded_by = timezone.now(), self.for_user
        elif not self.cleaned_data["responded"]:
            # Unticking corrects a mistake: the first response has not happened yet.
            enquiry.responded_at, enquiry.responded_by = None, None
        # Only an answered enquiry can have been answered first time right.
        enquiry.first_time_right = self.cleaned_data["first_time_right"] if enquiry.responded else None
        if commit:
            enquiry.save()
        return enquiry


class EnquiryIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet:
        return visible_enquiries(self.request.user)

    @property
    def header_buttons(self) -> list[HeaderButton]:
        return [
            HeaderButton(
                "Response times by service",
                url=reverse("referral_enquiries:response_times"),
                icon_name="time",
            )
        ]


class EnquiryEditView(EditView):
    def get_queryset(self) -> QuerySet:
        return visible_enquiries(self.request.user)


class EnquiryInspectView(InspectView):
    def get_object(self, queryset: QuerySet | None = None) -> ReferralEnquiry:
        return get_object_or_404(visible_enquiries(self.request.user), pk=self.pk)


class EnquiryHistoryView(HistoryView):
    def get_base_object_queryset(self) -> QuerySet:
        return visible_enquiries(self.request.user)


class EnquiryUsageView(UsageView):
    def get_base_object_queryset(self) -> QuerySet:
        return visible_enquiries(self.request.user)


class ResponseTimesView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per service: enquiries, responses and the median time to first response."""

    model = ReferralEnquiry
    permission_required = "view"
    template_name = "directory/admin/response_times.html"
    page_title = "Referral enquiries: response times"
    header_icon = "time"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return self.breadcrumbs_items + [
            {"url": reverse("referral_enquiries:index"), "label": "Referral enquiries"},
            {"url": "", "label": "Response times"},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = response_times(ReferralEnquiry.objects.for_user(self.request.user))
        context["rows"] = [(row, describe_duration(row.median_response)) for row in rows]
        return context


class ReferralEnquiryViewSet(ModelViewSet):
    model = ReferralEnquiry
    name = "referral_enquiries"
    icon = "mail"
    menu_label = "Referral enquiries"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EnquiryIndexView
    edit_view_class = EnquiryEditView
    inspect_view_class = EnquiryInspectView
    history_view_class = EnquiryHistoryView
    usage_view_class = EnquiryUsageView
    list_display = [
        "__str__",
        Column("school_display", label="School or setting"),
        DateColumn("created_at", label="Received"),
        Column("responded_label", label="Status"),
    ]
    filterset_class = EnquiryFilterSet
    search_fields = ["service_title", "school_name", "school__name"]
    inspect_view_fields = [
        "service_title",
        "school_display",
        "contact_name",
        "contact_role",
        "email",
        "phone",
        "support_sought",
        "created_at",
        "responded_at",
        "responded_by",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("service_title", read_only=True),
                    FieldPanel("school", read_only=True),
                    FieldPanel("school_name", read_only=True),
                    FieldPanel("contact_name", read_only=True),
                    FieldPanel("contact_role", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("phone", read_only=True),
                    FieldPanel("support_sought", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading="The enquiry",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("responded"),
                    FieldPanel("first_time_right"),
                    FieldPanel("responded_at", read_only=True),
                    FieldPanel("responded_by", read_only=True),
                ],
                heading="Response",
            ),
        ],
        base_form_class=EnquiryResponseForm,
    )

    def get_urlpatterns(self) -> list[Any]:
        return super().get_urlpatterns() + [
            path("response-times/", self.response_times_view, name="response_times"),
        ]

    @property
    def response_times_view(self) -> Any:
        return self.construct_view(ResponseTimesView)
