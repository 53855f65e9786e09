"""Sending a referral enquiry, and the booklet's success measures: how many enquiries each service
gets and how long its team takes to respond."""

import datetime
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from portal.core.submissions import create_once
from portal.outbox import queue_email

from .forms import ReferralEnquiryForm
from .models import ReferralEnquiry, ServicePage


def submit_enquiry(
    service: ServicePage, form: ReferralEnquiryForm, submission: uuid.UUID | None = None
) -> ReferralEnquiry:
    """Save a valid enquiry and, with it, the email to the team that runs the service.
    `submission` is the form's one-time token: the same form sent twice at the same moment gets
    the first enquiry back (portal.core.submissions)."""

    def save() -> ReferralEnquiry:
        with transaction.atomic():
            enquiry = form.save(commit=False)
            enquiry.service = service
            enquiry.service_title = service.title
            enquiry.submission = submission
            enquiry.save()
            notify_team(enquiry)
        return enquiry

    return create_once(ReferralEnquiry.objects, submission, save)


def notify_team(enquiry: ReferralEnquiry) -> None:
    """Queue the email to the service's team mailbox (inside the enquiry's transaction);
    replying goes straight to the school's contact."""
    service = enquiry.service
    recipient = service.run_by_email if service else ""
    if not recipient:
        return
    admin_path = reverse("referral_enquiries:edit", args=[enquiry.pk])
    body = render_to_string(
        "directory/email/enquiry_to_team.txt",
        {
            "enquiry": enquiry,
            "service": service,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path,
        },
    )
    queue_email(
        key=f"directory:enquiry:{enquiry.pk}",
        subject=f"New referral enquiry {enquiry.reference}: {enquiry.service_title}",
        body=body,
        to=[recipient],
        reply_to=[enquiry.email] if enquiry.email else None,
    )


@dataclass(frozen=True)
class ServiceResponseTimes:
    """One row of the enquiry report: a service's enquiries and its median time to first response."""

    service_title: str
    enquiries: int
    responded: int
    median_response: datetime.timedelta | None

    @property
    def awaiting(self) -> int:
        return self.enquiries - self.responded


def response_times(enquiries: Any) -> list[ServiceResponseTimes]:
    """Per service, from any enquiry queryset: one query, medians worked out here so the same code
    runs on SQLite and PostgreSQL."""
    rows = enquiries.order_by().values_list("service_id", "service_title", "created_at", "responded_at")
    titles: dict[Any, str] = {}
    counts: dict[Any, int] = defaultdict(int)
    waits: dict[Any, list[datetime.timedelta]] = defaultdict(list)
    for service_id, title, created_at, responded_at in rows:
        key = service_id or title
        titles[key] = title
        counts[key] += 1
        if responded_at is not None:
            waits[key].append(responded_at - created_at)
    report = [
        ServiceResponseTimes(
            service_title=titles[key],
            enquiries=counts[key],
            responded=len(waits[key]),
            median_response=statistics.median(waits[key]) if waits[key] else None,
        )
        for key in counts
    ]
    return sorted(report, key=lambda row: (-row.enquiries, row.service_title))


def describe_duration(duration: datetime.timedelta | None) -> str:
    """“2 days 3 hours”, “5 hours”, “40 minutes”, or “No responses yet”."""
    if duration is None:
        return "No responses yet"
    minutes = int(duration.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "day"), (hours, "hour")] if days else [(hours, "hour"), (minutes, "minute")]
    words = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
    return " ".join(words) or "Under a minute"
