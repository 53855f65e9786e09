"""Admin views for host teams: requests for places (scoped to the user's teams, decided through
placements/booking.py), one-click confirmation that a listing is still offered, and the dashboard
panel that flags listings due for confirmation. Every view re-checks permission on the server."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import log

from .booking import DecisionError, decide
from .forms import DecisionForm
from .models import PlacementPage, PlacementRequest, RequestEvent, RequestStatus, confirm_due_before, today
from .signals import placement_changed
from .teams import requests_for, sees_all_placements, team_ids_for

DASHBOARD_ROWS = 10


class RequestIndexView(generic.IndexView):
    """The requests listing: only the requests the user may see, whatever the filters say."""

    def get_base_queryset(self) -> QuerySet:
        return requests_for(self.request.user).select_related("window", "team", "school", "setting")


class DecideRequestView(PermissionCheckedMixin, WagtailAdminTemplateMixin, View):
    """A request's details, its history and the decision form. The request is looked up within
    the user's own requests, so another team's request is a 404, never a glimpse."""

    model = PlacementRequest
    permission_required = "change"
    template_name = "placements/admin/decide.html"
    index_url_name: str | None = None
    edit_url_name: str | None = None
    header_icon = "mail"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.object = None

    def get_object(self) -> PlacementRequest:
        queryset = requests_for(self.request.user).select_related(
            "window", "window__page", "team", "school", "setting"
        )
        try:
            return queryset.get(pk=self.kwargs["pk"])
        except PlacementRequest.DoesNotExist as exc:
            raise Http404("No request found.") from exc

    def get_page_title(self) -> str:
        return f"Request {self.object.reference}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Requests for places"},
            {"url": "", "label": self.object.reference},
        ]

    def render(self, form: DecisionForm) -> HttpResponse:
        context = self.get_context_data(
            object=self.object,
            form=form,
            events=self.object.events.select_related("user"),
            decided=self.object.is_final,
        )
        return TemplateResponse(self.request, self.get_template_names(), context)

    def decision_form(self, data: Any = None) -> DecisionForm:
        placement_request = self.object
        dates = None
        if placement_request.preferred_from and placement_request.preferred_to:
            dates = (placement_request.preferred_from, placement_request.preferred_to)
        return DecisionForm(data, status=placement_request.status, dates=dates)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.object = self.get_object()
        return self.render(self.decision_form())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.object = self.get_object()
        form = self.decision_form(request.POST)
        if not form.is_valid():
            return self.render(form)
        actor = (
            RequestEvent.Actor.HOST_TEAM
            if self.object.team_id in team_ids_for(request.user)
            else RequestEvent.Actor.EDITOR
        )
        try:
            decided = decide(
                self.object.pk,
                form.cleaned_data["action"],
                actor=actor,
                user=request.user,
                note=form.cleaned_data["note"],
                date=form.cleaned_data.get("date"),
            )
        except DecisionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, f"Request {decided.reference} is now: {decided.get_status_display().lower()}."
            )
        return redirect(self.edit_url_name, pk=self.object.pk)


def confirm_placement(request: HttpRequest, page_id: int) -> HttpResponse:
    """Confirm a listing is still offered (it returns to the directory if it had expired). GET
    asks, POST confirms. Only users who may publish the page can."""
    page = get_object_or_404(PlacementPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_home")
    if request.method == "POST":
        page.last_confirmed = today()
        # A model save (not a queryset update) so listeners such as the page cache see the change.
        page.save(update_fields=["last_confirmed"], clean=False)
        transaction.on_commit(lambda: placement_changed.send(sender=PlacementPage, page_id=page.pk))
        log(instance=page, action="placements.confirm", user=request.user)
        messages.success(request, f"“{page.title}” is confirmed as still offered.")
        return redirect(next_url)
    return TemplateResponse(
        request,
        "placements/admin/confirm.html",
        {"page": page, "next": next_url, "expire_days": settings.PLACEMENT_EXPIRE_AFTER_DAYS},
    )


def placements_for(user: Any) -> QuerySet[PlacementPage]:
    """The placements a user looks after: all for editors, their teams' for team staff."""
    if sees_all_placements(user):
        return PlacementPage.objects.all()
    return PlacementPage.objects.filter(host_team_id__in=team_ids_for(user))


class PlacementsPanel(Component):
    """Dashboard panel: listings due for confirmation (or already out of the directory) and
    requests waiting for a decision, for the user's teams."""

    name = "placements"
    template_name = "placements/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        request = parent_context["request"]
        due = (
            placements_for(request.user)
            .filter(last_confirmed__lt=confirm_due_before())
            .order_by("last_confirmed")
        )
        return {
            "due": list(due.select_related("host_team")[:DASHBOARD_ROWS]),
            "due_count": due.count(),
            "waiting": requests_for(request.user).filter(status=RequestStatus.PENDING).count(),
            "requests_url": reverse("placement_requests:index") + f"?status={RequestStatus.PENDING}",
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }
