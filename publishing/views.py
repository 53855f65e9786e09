"""Public pages for school staff asking to become contributors. Every request, whatever the address,
ends on the same "check your email" page: the page never says whether an account exists."""

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from . import contributors
from .forms import ContributorRequestForm


def answer_blocked_with_429(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """django-ratelimit raises Ratelimited (a 403) unless its middleware is installed; this gives
    these views the portal's 429 page (RATELIMIT_VIEW) either way."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Ratelimited as blocked:
            return import_string(settings.RATELIMIT_VIEW)(request, blocked)

    return wrapped


def ratelimit_per_field(field: str, rate: str) -> Callable:
    """A django-ratelimit decorator keyed on a POSTed field, trimmed and lower-cased, so
    "Ann@School" and "ann@school " share one limit. A blank field is not counted: the form shows
    its error, and the per-address limit still applies."""

    def key(group: str, request: HttpRequest) -> str:
        return request.POST.get(field, "").strip().lower()

    def rate_for(group: str, request: HttpRequest) -> str | None:
        return rate if key(group, request) else None

    return ratelimit(key=key, rate=rate_for, method="POST", block=True)


@answer_blocked_with_429
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="10/m", method="POST", block=True)
@ratelimit_per_field("email", "3/h")
def request_account(request: HttpRequest) -> HttpResponse:
    # Not `request.POST or None`: an empty POST must show the errors, not a blank form.
    form = ContributorRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        contributors.receive(form.cleaned_data, submission=form.cleaned_data.get("submission"))
        return redirect("publishing:request_sent")
    context = {"form": form, "retention_days": settings.CONTRIBUTOR_REQUEST_RETENTION_DAYS}
    return render(request, "publishing/request_account.html", context)


def request_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "publishing/request_sent.html")


@answer_blocked_with_429
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def confirm_address(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and changes nothing (mail scanners follow links); POST approves the
    request and sends the person on to set their password."""
    try:
        contributor_request = contributors.request_from_token(token)
    except contributors.InvalidLink:
        return render(request, "publishing/link_invalid.html", status=400)
    if request.method == "POST":
        try:
            return redirect(contributors.confirm_address(contributor_request))
        except contributors.InvalidLink:
            return render(request, "publishing/link_invalid.html", status=400)
    context = {
        "contributor_request": contributor_request,
        "action": reverse("publishing:confirm_address", args=[token]),
    }
    return render(request, "publishing/confirm_address.html", context)
