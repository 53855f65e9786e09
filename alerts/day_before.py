"""Reminders the day before an event or open day: the work of `manage.py send_event_reminders`
(scheduled several times a day, so a reminder confirmed after the morning run still goes) and
the reminders' share of `manage.py purge_unconfirmed_alerts`."""

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from events.dates import local_midnight

from .emails import queue_day_before
from .models import Reminder


def due(today: datetime.date) -> QuerySet[Reminder]:
    """Confirmed reminders whose event or open day is, as it stands now, tomorrow."""
    tomorrow = today + datetime.timedelta(days=1)
    starts_tomorrow = Q(
        event__start__gte=local_midnight(tomorrow),
        event__start__lt=local_midnight(tomorrow + datetime.timedelta(days=1)),
    )
    return (
        Reminder.objects.exclude(confirmed_at=None)
        .filter(starts_tomorrow | Q(open_day__date=tomorrow))
        .order_by("pk")
    )


def send_day_before(today: datetime.date) -> int:
    """Queue the reminders for tomorrow's events and open days and delete them; return how many.
    A reminder whose event is unpublished (or private) is skipped and kept: if the event comes
    back before its day, the reminder still goes. The row is deleted in the email's transaction,
    and the email's key names the reminder and the day, so a rerun (or two at once) sends once."""
    tomorrow = today + datetime.timedelta(days=1)
    sent = 0
    for reminder in list(due(today)):
        occasion = reminder.occasion()
        if occasion is None or occasion.day != tomorrow:
            continue
        with transaction.atomic():
            queue_day_before(reminder, occasion)
            Reminder.objects.filter(pk=reminder.pk).delete()
        sent += 1
    return sent


def purge_past(now: datetime.datetime | None = None) -> int:
    """Delete reminders whose event has ended or whose open day has gone, sent or not."""
    now = now or timezone.now()
    past = Q(event__end__lt=now) | Q(open_day__date__lt=timezone.localdate(now))
    deleted, _ = Reminder.objects.filter(past).delete()
    return deleted
