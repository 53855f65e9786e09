"""What a reminder is about, read afresh each time: an event (events.EventPage) or a post-16
provider's open day (directory.OpenDay), in one shape for the form, the emails and the job.

Only published, public pages count: a reminder whose event is unpublished or made private finds
no occasion, and so sends nothing. Dates and times are read from the live rows, so an event moved
to another day is reminded on its new day."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from directory.models import OpenDay, ProviderPage
from events import ical
from events.dates import format_day, format_span, format_time, local, local_midnight
from events.models import EventPage

if TYPE_CHECKING:
    from .models import Reminder

EVENT = "event"
OPEN_DAY = "open-day"


@dataclass(frozen=True)
class Occasion:
    """An event or an open day as a reminder shows it."""

    kind: str  # EVENT or OPEN_DAY
    pk: int
    title: str
    day: datetime.date  # the (first) day it happens, in the portal's time zone
    when: str
    place: str
    path: str
    cancelled: bool = False
    event: EventPage | None = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.path

    @property
    def reminder_field(self) -> str:
        """The Reminder field that points at it."""
        return "event_id" if self.kind == EVENT else "open_day_id"

    def ics(self) -> str:
        """The event's own .ics (its page offers one), or "" for an open day."""
        if self.event is None:
            return ""
        return ical.build_calendar([self.event], name=self.title).to_ical().decode()

    def can_remind(self, today: datetime.date) -> bool:
        """A reminder can still be asked for: not cancelled, and not today or over."""
        return not self.cancelled and self.day > today


def of_event(event: EventPage) -> Occasion:
    return Occasion(
        kind=EVENT,
        pk=event.pk,
        title=event.title,
        day=local(event.start).date(),
        when=event.when,
        place=event.place,
        path=event.url or "",
        cancelled=event.is_cancelled,
        event=event,
    )


def of_open_day(open_day: OpenDay) -> Occasion:
    provider = open_day.page
    place = ""
    if provider.location:
        place = ", ".join([provider.location.name, *provider.location.address_lines])
    return Occasion(
        kind=OPEN_DAY,
        pk=open_day.pk,
        title=f"Open day: {provider.title}",
        day=open_day.date,
        when=open_day_when(open_day),
        place=place,
        path=f"{provider.url or ''}#open-days",
    )


def open_day_when(open_day: OpenDay) -> str:
    """e.g. "Saturday 10 October 2026, 10am to 1pm", or just the day when no times are known."""
    zone = timezone.get_default_timezone()
    start = local_midnight(open_day.date)
    if open_day.starts_at is None:
        return format_day(start)
    start = datetime.datetime.combine(open_day.date, open_day.starts_at, tzinfo=zone)
    if open_day.ends_at is None or open_day.ends_at <= open_day.starts_at:
        return f"{format_day(start)}, from {format_time(start)}"
    return format_span(start, datetime.datetime.combine(open_day.date, open_day.ends_at, tzinfo=zone))


def live_event(pk: int) -> EventPage | None:
    return EventPage.objects.live().public().filter(pk=pk).select_related("organiser_team").first()


def live_open_day(pk: int) -> OpenDay | None:
    providers = ProviderPage.objects.live().public()
    return OpenDay.objects.filter(pk=pk, page__in=providers).select_related("page__location").first()


def find(kind: str, pk: int) -> Occasion | None:
    """The published event or open day a reminder form is for, or None."""
    if kind == EVENT:
        event = live_event(pk)
        return of_event(event) if event else None
    open_day = live_open_day(pk) if kind == OPEN_DAY else None
    return of_open_day(open_day) if open_day else None


def of_reminder(reminder: "Reminder") -> Occasion | None:
    if reminder.event_id:
        return find(EVENT, reminder.event_id)
    return find(OPEN_DAY, reminder.open_day_id) if reminder.open_day_id else None
