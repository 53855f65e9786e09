"""Reminders to host teams, sent by `manage.py send_host_team_reminders` (scheduled daily):

- a listing due for confirmation (the 90-day flag: last confirmed before `confirm_due_before()`),
  once per confirmation cycle (the key names the date it was last confirmed);
- a request for places still waiting for a decision 5 working days (Monday to Friday; bank
  holidays are not known here) after it arrived, once per request."""

import datetime

from django.conf import settings
from django.utils import timezone

from placements.models import PlacementPage, PlacementRequest, RequestStatus, confirm_due_before
from placements.notifications import admin_url
from portal.outbox import queue_email

WAITING_WORKING_DAYS = 5


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """The date `count` working days (Monday to Friday) before `day`."""
    while count:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _remind(key: str, subject: str, body: str, email: str) -> bool:
    """Queue one reminder to a host team's address (none if the team has no address)."""
    if not email:
        return False
    queue_email(key=key, subject=subject, body=body, to=[email])
    return True


def remind_confirmations(today: datetime.date) -> int:
    due = (
        PlacementPage.objects.live()
        .filter(last_confirmed__lt=confirm_due_before(today))
        .exclude(host_team=None)
        .select_related("host_team")
    )
    queued = 0
    for page in due:
        queued += _remind(
            f"reminders:confirm-listing:{page.pk}:{page.last_confirmed.isoformat()}",
            subject=f"Please confirm your placement listing: {page.title}",
            body=(
                f"Your listing “{page.title}” was last confirmed on {page.last_confirmed:%-d %B %Y}.\n"
                f"Listings are confirmed every {settings.PLACEMENT_CONFIRM_EVERY_DAYS} days so schools only see "
                "placements that are still offered. Please check it and publish it again to confirm it:\n"
                f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/pages/{page.pk}/edit/\n"
            ),
            email=page.host_team.contact_email,
        )
    return queued


def remind_waiting_requests(now: datetime.datetime) -> int:
    before = working_days_before(timezone.localdate(now), WAITING_WORKING_DAYS)
    waiting = PlacementRequest.objects.filter(
        status=RequestStatus.PENDING, created_at__date__lte=before
    ).select_related("team", "window")
    queued = 0
    for placement_request in waiting:
        queued += _remind(
            f"reminders:request-waiting:{placement_request.pk}",
            subject=f"A request for places is waiting for you: {placement_request.reference}",
            body=(
                f"Request {placement_request.reference} for “{placement_request.window.placement_title}” "
                f"arrived on {timezone.localtime(placement_request.created_at):%-d %B %Y} and is still waiting "
                f"for a decision. Please accept, waitlist or decline it:\n{admin_url(placement_request)}\n"
            ),
            email=placement_request.team.contact_email,
        )
    return queued
