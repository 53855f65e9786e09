"""Requests for places and every decision on them.

Places are taken only here, and only by a conditional UPDATE inside a transaction:

    UPDATE capacity SET places_taken = places_taken + n
    WHERE id = ? AND places_taken <= places - n AND <window still open>

PostgreSQL re-checks the WHERE clause against the latest committed row once a competing writer's
lock is released, and SQLite runs one writer at a time, so interleaved accepts can never take more
places than a window has; the CHECK constraint on WindowCapacity is the last line of defence.
A request's own status changes by compare-and-swap (`WHERE status = <the status we read>`), so two
people deciding the same request at once cannot both accept it, or free its places twice."""

import calendar
import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.core.submissions import create_once
from portal.taxonomy.models import School, Setting

from .models import (
    OPEN_REQUEST_STATUSES,
    PlacementPage,
    PlacementRequest,
    RequestEvent,
    RequestStatus,
    WindowCapacity,
    today,
)
from .notifications import notify_decision, notify_request_sent
from .signals import placement_changed


class DecisionError(Exception):
    """A decision that cannot be made; the message is written for the person who tried."""


@dataclass(frozen=True)
class Transition:
    to_status: str
    from_statuses: frozenset[str]
    event: str
    verb: str


_ACTIVE = frozenset(OPEN_REQUEST_STATUSES)

TRANSITIONS: dict[str, Transition] = {
    "accept": Transition(
        RequestStatus.ACCEPTED,
        frozenset({RequestStatus.PENDING, RequestStatus.WAITLISTED}),
        RequestEvent.Action.ACCEPTED,
        "accepted",
    ),
    "waitlist": Transition(
        RequestStatus.WAITLISTED,
        frozenset({RequestStatus.PENDING}),
        RequestEvent.Action.WAITLISTED,
        "put on the waiting list",
    ),
    "decline": Transition(RequestStatus.DECLINED, _ACTIVE, RequestEvent.Action.DECLINED, "declined"),
    "cancel": Transition(RequestStatus.CANCELLED, _ACTIVE, RequestEvent.Action.CANCELLED, "cancelled"),
}


def allowed_actions(status: str) -> list[str]:
    """The decisions that can be made on a request in this status, in a sensible order."""
    return [name for name, transition in TRANSITIONS.items() if status in transition.from_statuses]


# Sending a request ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NewRequest:
    """What a requester sends: the adult's contact details and counts, nothing about a pupil."""

    window: WindowCapacity
    setting: Setting
    school: School | None
    organisation_name: str
    contact_name: str
    contact_email: str
    contact_phone: str
    young_people: int
    year_groups: list[str]
    adjustments_needed: str
    preferred_from: datetime.date | None = None
    preferred_to: datetime.date | None = None
    # The form's one-time token (portal.core.submissions), if it had one nobody else has used.
    submission: uuid.UUID | None = None


def submit_request(new: NewRequest) -> PlacementRequest:
    """Save a request, its first event and its emails together; the emails go once all are
    committed. The same form sent twice at the same moment gets the first request back."""
    return create_once(PlacementRequest.objects, new.submission, lambda: _save_request(new))


def _save_request(new: NewRequest) -> PlacementRequest:
    with transaction.atomic():
        placement_request = PlacementRequest.objects.create(
            window=new.window,
            team_id=new.window.page.host_team_id,
            setting=new.setting,
            school=new.school,
            organisation_name="" if new.school else new.organisation_name,
            contact_name=new.contact_name,
            contact_email=new.contact_email,
            contact_phone=new.contact_phone,
            young_people=new.young_people,
            year_groups=new.year_groups,
            adjustments_needed=new.adjustments_needed,
            preferred_from=new.preferred_from,
            preferred_to=new.preferred_to,
            submission=new.submission,
        )
        RequestEvent.objects.create(
            placement_request=placement_request,
            actor=RequestEvent.Actor.REQUESTER,
            action=RequestEvent.Action.CREATED,
            to_status=RequestStatus.PENDING,
        )
        notify_request_sent(placement_request)
    return placement_request


# Deciding ------------------------------------------------------------------------------------


def decide(
    request_id: int,
    action: str,
    *,
    actor: str,
    user: Any = None,
    note: str = "",
    date: datetime.date | None = None,
) -> PlacementRequest:
    """Apply one decision ("accept", "waitlist", "decline" or "cancel") atomically: the status
    change, the places taken or freed, and the event recording who did it. Raises DecisionError
    (and changes nothing) if the decision is no longer possible. Accepting a request for an
    encounter at the school needs `date`, the day the host will come, within the school's range."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DecisionError("Choose accept, waiting list, decline or cancel.")
    with transaction.atomic():
        current = (
            PlacementRequest.objects.filter(pk=request_id)
            .values("status", "window_id", "young_people", "preferred_from", "preferred_to")
            .first()
        )
        if current is None:
            raise DecisionError("This request no longer exists.")
        if current["status"] not in transition.from_statuses:
            label = RequestStatus(current["status"]).label.lower()
            raise DecisionError(f"This request is {label}, so it cannot be {transition.verb}.")
        changes: dict[str, Any] = {"status": transition.to_status, "updated_at": timezone.now()}
        if transition.to_status == RequestStatus.ACCEPTED and current["preferred_from"]:
            changes["agreed_date"] = _agreed_date(current, date)
        swapped = PlacementRequest.objects.filter(pk=request_id, status=current["status"]).update(**changes)
        if not swapped:
            raise DecisionError(
                "Someone else changed this request while you were deciding. Check it and try again."
            )
        places_moved = True
        if transition.to_status == RequestStatus.ACCEPTED:
            _take_places(current["window_id"], current["young_people"])
        elif current["status"] == RequestStatus.ACCEPTED:
            _free_places(current["window_id"], current["young_people"])
        else:
            places_moved = False
        event = RequestEvent.objects.create(
            placement_request_id=request_id,
            user=user if getattr(user, "is_authenticated", False) else None,
            actor=actor,
            action=transition.event,
            from_status=current["status"],
            to_status=transition.to_status,
            note=note.strip(),
        )
        placement_request = PlacementRequest.objects.select_related("window", "team", "school").get(
            pk=request_id
        )
        notify_decision(placement_request, event)
        if places_moved:
            page_id = placement_request.window.page_id
            transaction.on_commit(lambda: placement_changed.send(sender=PlacementPage, page_id=page_id))
    return placement_request


def _agreed_date(current: dict[str, Any], date: datetime.date | None) -> datetime.date:
    first, last = current["preferred_from"], current["preferred_to"] or current["preferred_from"]
    if date is None:
        raise DecisionError("Give the date you will come to the school to accept this request.")
    if not first <= date <= last:
        raise DecisionError(
            f"Choose a date between {first:%-d %B %Y} and {last:%-d %B %Y}, as the school asked."
        )
    return date


def _take_places(window_id: int, number: int) -> None:
    taken = (
        WindowCapacity.objects.open()
        .filter(pk=window_id, places_taken__lte=F("places") - number)
        .update(places_taken=F("places_taken") + number)
    )
    if taken:
        return
    window = WindowCapacity.objects.get(pk=window_id)
    if not window.is_open:
        raise DecisionError("These dates are no longer offered (the window has ended or was removed).")
    raise DecisionError(
        f"Only {window.places_left} place{'' if window.places_left == 1 else 's'} left in these dates, "
        f"so a request for {number} cannot be accepted. Decline it, or put it on the waiting list."
    )


def _free_places(window_id: int, number: int) -> None:
    # The CHECK constraint refuses a negative count, so a bug here fails loudly instead of
    # silently inventing places.
    WindowCapacity.objects.filter(pk=window_id).update(places_taken=F("places_taken") - number)


# Retention -----------------------------------------------------------------------------------


def purge_contact_details(window_ended_before: datetime.date) -> int:
    """Remove the contact details (and free text that could identify anyone) from requests whose
    window ended before the date, keeping the counts for reporting. Returns how many were purged."""
    due = PlacementRequest.objects.filter(window__end_date__lt=window_ended_before, purged_at__isnull=True)
    purged = 0
    for request_id in due.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            now = timezone.now()
            changed = PlacementRequest.objects.filter(pk=request_id, purged_at__isnull=True).update(
                contact_name="",
                contact_email="",
                contact_phone="",
                organisation_name="",
                adjustments_needed="",
                purged_at=now,
            )
            if not changed:
                continue
            RequestEvent.objects.filter(placement_request_id=request_id).update(note="")
            RequestEvent.objects.create(
                placement_request_id=request_id,
                at=now,
                actor=RequestEvent.Actor.SYSTEM,
                action=RequestEvent.Action.PURGED,
            )
            purged += 1
    return purged


def retention_cutoff(months: int, on: datetime.date | None = None) -> datetime.date:
    """The date `months` calendar months before `on` (the 31st becomes the month's last day)."""
    on = on or today()
    year, month_index = divmod(on.year * 12 + on.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return datetime.date(year, month_index + 1, min(on.day, last_day))
