"""Emails about requests for places, through Django's email backend (console in development,
SMTP from the environment in production, the locmem outbox in tests). Sent after the database
commit, so nobody is told about a change that was rolled back."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .links import status_token
from .models import PlacementIndexPage, PlacementRequest, RequestEvent

logger = logging.getLogger(__name__)


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


def _send(subject: str, template: str, context: dict, recipient: str) -> None:
    if not recipient:
        return  # contact details already removed
    body = render_to_string(f"placements/emails/{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except OSError:
        # A mail server being down must not undo a decision that is already saved; the team
        # still sees the request in the admin and the requester on the status page.
        logger.exception(
            "Could not send the %s email for %s", template, context["placement_request"].reference
        )


def notify_request_sent(placement_request: PlacementRequest) -> None:
    """Tell the requester their request arrived (with the status link) and the host team that
    it has a request to decide (with the admin link)."""
    context = {
        "placement_request": placement_request,
        "window": placement_request.window,
        "team": placement_request.team,
        "status_url": status_url(placement_request),
        "admin_url": admin_url(placement_request),
    }
    _send(
        f"Request {placement_request.reference} sent: {placement_request.window.placement_title}",
        "request_sent",
        context,
        placement_request.contact_email,
    )
    _send(
        f"New request for places {placement_request.reference}: {placement_request.window.placement_title}",
        "team_new_request",
        context,
        placement_request.team.contact_email,
    )


def notify_decision(placement_request: PlacementRequest, event: RequestEvent) -> None:
    """Tell the requester about the host team's decision, or the team about a cancellation by
    the requester."""
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
        _send(subject, "team_request_cancelled", context, placement_request.team.contact_email)
    else:
        _send(subject, "request_decided", context, placement_request.contact_email)


def send_plain_email(*, subject: str, template: str, context: dict, recipient: str, about: str) -> None:
    """An email from any app's template (the hosts app's, for employers' applications) with the
    same rules as the request emails: nothing to send once contact details are removed, and a mail
    server fault is logged, never raised into a decision that is already saved. `about` names the
    record in the log, never a person."""
    if not recipient:
        return
    body = render_to_string(template, context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except OSError:
        logger.exception("Could not send the %s email for %s", template, about)
