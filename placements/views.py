"""Public views, reached through the placement pages' routes (the directory is the placement index's
listing, placements.models): the request form, its confirmation page and the requester's status page (a signed link, no account)."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django_ratelimit.decorators import ratelimit

from portal.core.submissions import earlier_submission

from .booking import DecisionError, decide, submit_request
from .forms import PlacementRequestForm
from .links import request_for_token, status_token
from .models import PlacementIndexPage, PlacementPage, PlacementRequest, RequestEvent


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def request_places(request: HttpRequest, page: PlacementPage) -> HttpResponse:
    """The request form. Nothing is saved unless every field is valid; an expired listing or a
    placement with no open windows shows why instead of the form. The same form sent again shows
    the first request's confirmation (portal.core.submissions)."""
    token = None
    if request.method == "POST":
        sent = PlacementRequest.objects.filter(window__page=page)
        earlier, token = earlier_submission(sent, request.POST, "contact_email")
        if earlier is not None:
            return _confirmation(page, earlier)
    if page.is_expired or not page.open_capacities().with_places_left().exists():
        return TemplateResponse(
            request,
            "placements/request_unavailable.html",
            {"page": page, "expired": page.is_expired},
            status=200 if request.method == "GET" else 409,
        )
    initial = {}
    chosen = request.GET.get("window", "")
    if chosen.isascii() and chosen.isdigit():  # not "²", which isdigit() accepts and int() refuses
        initial["window"] = int(chosen)
    form = PlacementRequestForm(
        request.POST if request.method == "POST" else None, page=page, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        placement_request = submit_request(form.to_request(submission=token))
        return _confirmation(page, placement_request)
    return TemplateResponse(
        request,
        "placements/request_form.html",
        {"page": page, "form": form, "retention_months": settings.PLACEMENT_REQUEST_RETENTION_MONTHS},
        status=400 if request.method == "POST" else 200,
    )


def _confirmation(page: PlacementPage, placement_request: PlacementRequest) -> HttpResponse:
    index = PlacementIndexPage.objects.ancestor_of(page).get()
    return redirect(f"{index.url}requests/{status_token(placement_request)}/sent/")


def _request_or_404(token: str):
    placement_request = request_for_token(token)
    if placement_request is None:
        raise Http404("No request matches this link.")
    return placement_request


def requesters_own(response: HttpResponse) -> HttpResponse:
    """A page for the requester alone (its address is their signed link): never kept by the page
    cache, a proxy or the browser's history cache, and never indexed, whatever state the request
    is in (a cancelled request's page has no form, so nothing else would mark it private)."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def request_sent(request: HttpRequest, index: PlacementIndexPage, token: str) -> HttpResponse:
    """The confirmation page after a request is sent."""
    placement_request = _request_or_404(token)
    return requesters_own(
        index.render(
            request,
            template="placements/request_sent.html",
            context_overrides={
                "placement_request": placement_request,
                "status_path": f"{index.url}requests/{token}/",
            },
        )
    )


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def request_status(request: HttpRequest, index: PlacementIndexPage, token: str) -> HttpResponse:
    """Where a requester follows their request, and may cancel it."""
    placement_request = _request_or_404(token)
    error = ""
    if request.method == "POST":
        try:
            decide(placement_request.pk, "cancel", actor=RequestEvent.Actor.REQUESTER)
        except DecisionError as exc:
            error = str(exc)
        else:
            return redirect(request.path)
    return requesters_own(
        index.render(
            request,
            template="placements/request_status.html",
            context_overrides={
                "placement_request": placement_request,
                "events": placement_request.events.all(),
                "can_cancel": not placement_request.is_final,
                "error": error,
            },
        )
    )
