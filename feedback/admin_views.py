"""Host teams' own feedback: for the requests a user may see (their teams', or all for editors),
the share meeting each criterion and the comments, placement by placement."""

from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from placements.teams import requests_for, sees_all_placements, team_ids_for

from .figures import summarise
from .models import Feedback


def may_see_feedback(user: Any) -> bool:
    return sees_all_placements(user) or bool(team_ids_for(user))


class HostFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "feedback/admin/host_feedback.html"
    page_title = "Feedback on your placements"
    header_icon = "comment"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_see_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        responses = (
            Feedback.objects.filter(placement_request__in=requests_for(self.request.user))
            .select_related("placement_request__window")
            .order_by("placement_request__window__placement_title", "-given_on")
        )
        by_placement: dict[str, list[Feedback]] = defaultdict(list)
        for response in responses:
            by_placement[response.placement_request.window.placement_title].append(response)
        context["placements"] = [(title, summarise(items)) for title, items in by_placement.items()]
        return context
