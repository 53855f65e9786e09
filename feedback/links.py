"""Feedback links: no account, an unguessable signed path per request and respondent. The
school's link and the young people's link are signed with different salts, so one never opens the
other's form. A link is the same every time it is made (a printed QR code keeps working) and
stops working FEEDBACK_LINK_DAYS after the placement's last day."""

import datetime

from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from placements.models import PlacementRequest, RequestStatus

from .vocabulary import SCHOOL, YOUNG_PERSON

FEEDBACK_LINK_DAYS = 90
SALTS = {SCHOOL: "feedback.school", YOUNG_PERSON: "feedback.young-people"}


class LinkProblem(Exception):
    """The link is forged or expired, or its request cannot take feedback (yet)."""


def _signature(public_id: str, respondent: str) -> str:
    return signing.Signer(salt=SALTS[respondent]).signature(public_id)


def token(placement_request: PlacementRequest, respondent: str) -> str:
    public_id = placement_request.public_id.hex
    return f"{public_id}-{_signature(public_id, respondent)}"


def request_for(value: str, respondent: str, today: datetime.date | None = None) -> PlacementRequest:
    """The accepted request the link is for, from its last day until FEEDBACK_LINK_DAYS after."""
    public_id, _, signature = value.partition("-")
    if len(public_id) != 32 or not constant_time_compare(signature, _signature(public_id, respondent)):
        raise LinkProblem("This feedback link is not valid.")
    placement_request = (
        PlacementRequest.objects.select_related("window", "window__page", "team")
        .filter(public_id=public_id)
        .first()
    )
    if placement_request is None or placement_request.status != RequestStatus.ACCEPTED:
        raise LinkProblem("This placement is not taking feedback.")
    today = today or timezone.localdate()
    if placement_request.window.end_date > today:
        raise LinkProblem("Feedback opens on the last day of the placement.")
    if placement_request.window.end_date + datetime.timedelta(days=FEEDBACK_LINK_DAYS) < today:
        raise LinkProblem("Feedback for this placement has closed.")
    return placement_request
