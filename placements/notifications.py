"""Emails about requests for places. They are queued in the outbox inside the transaction that
makes the change (so nobody is told about a change that was rolled back, and no change goes
untold) and delivered by a background task, so a slow or absent mail server never holds up the
requester or the host team."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from portal.outbox import queue_email

from .links import status_token
from .models import PlacementIndexPage, PlacementRequest, RequestEvent


def status_url(placement_request: PlacementRequest) -> str:
    """The requester's full status link (no account needed)."""
    index = PlacementIndexPage.objects.live().first()
    base = (
        index.full_url
        if index and index.full_url
        else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/placements/"
    )
    return f"{base}requests/{status_token(placement_request)}/"


def admin_url(placement_request: PlacementRequest) -> str:
    path = reverse("placement_requests:edit", args=[placement_request.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(key: str, subject: str, template: str, context: dict, recipient: str) -> None:
    if not recipient:
        return  # contact details already removed
    body = render_to_string(f"placements/emails/{template}.txt", context)
    queue_email(key=f"placements:{key}", subject=subject, body=body, to=[recipient])


def notify_request_sent(placement_request: PlacementRequest) -> None:
    """Tell the requester their request arrived (with the status link) and the host team that
    it has a request to decide (with the admin link). Call inside the request's transaction."""
    context = {
        "placement_request": placement_request,
        "window": placement_request.window,
        "team": placement_request.team,
        "status_url": status_url(placement_request),
        "admin_url": admin_url(placement_request),
    }
    _send(
        f"request-sent:{placement_request.pk}:requester",
        f"Request {placement_request.reference} sent: {placement_request.window.placement_title}",
        "request_sent",
        context,
        placement_request.contact_email,
    )
    _send(
        f"request-sent:{placement_request.pk}:team",
        f"New request for places {placement_request.reference}: {placement_request.window.placement_title}",
        "team_new_request",
        context,
        placement_request.team.contact_email,
    )


def notify_decision(placement_request: PlacementRequest, event: RequestEvent) -> None:
    """Tell the requester about the host team's decision, or the team about a cancellation by
    the requester. Call inside the decision's transaction."""
    context = {
        "placement_request": placement_request,
        "window": placement_request.window,
        "team": placement_request.team,
        "event": event,
        "status_url": status_url(placement_request),
        "admin_url": admin_url(placement_request),
    }
    subject = f"Request {placement_request.reference}: {placement_request.get_status_display().lower()}"
    if event.actor == RequestEvent.Actor.REQUESTER:
        _send(
            f"decision:{event.pk}",
            subject,
            "team_request_cancelled",
            context,
            placement_request.team.contact_email,
        )
    else:
        _send(f"decision:{event.pk}", subject, "request_decided", context, placement_request.contact_email)
