"""Asking for feedback when a placement ends: the person who asked for the places is emailed the
school's feedback link and the young people's, through the outbox (portal.outbox), by
`manage.py send_feedback_requests`, which the scheduler runs daily. The outbox's key makes
each email once only, however often the command runs."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from placements.models import PlacementRequest, RequestStatus
from portal.outbox import queue_email

from .links import FEEDBACK_LINK_DAYS, token
from .vocabulary import SCHOOL, YOUNG_PERSON

# A placement that ended more than this long ago is not asked about: a run that was missed for a
# while should not email about placements long past.
ASK_WITHIN_DAYS = 14


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def due(today: datetime.date | None = None) -> QuerySet[PlacementRequest]:
    """Accepted requests whose placement ended in the last ASK_WITHIN_DAYS days (today included),
    with an address to write to and no answer from the school yet."""
    today = today or timezone.localdate()
    return (
        PlacementRequest.objects.filter(
            status=RequestStatus.ACCEPTED,
            window__end_date__lte=today,
            window__end_date__gte=today - datetime.timedelta(days=ASK_WITHIN_DAYS),
        )
        .exclude(contact_email="")
        .exclude(feedback__respondent=SCHOOL)
        .select_related("window")
        .order_by("pk")
    )


@transaction.atomic
def ask(placement_request: PlacementRequest) -> None:
    context = {
        "placement_request": placement_request,
        "school_url": absolute(reverse("feedback:school", args=[token(placement_request, SCHOOL)])),
        "young_people_url": absolute(
            reverse("feedback:young_people", args=[token(placement_request, YOUNG_PERSON)])
        ),
        "days": FEEDBACK_LINK_DAYS,
    }
    queue_email(
        key=f"feedback:ask-school:{placement_request.pk}",
        subject=f"How did it go? {placement_request.placement_title} ({placement_request.reference})",
        body=render_to_string("feedback/email/ask_school.txt", context),
        to=[placement_request.contact_email],
    )


def ask_due(today: datetime.date | None = None) -> int:
    """Queue the email for every request due; the number of requests considered."""
    requests = list(due(today))
    for placement_request in requests:
        ask(placement_request)
    return len(requests)
