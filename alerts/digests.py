"""Sending digests and deleting unconfirmed alerts: the work of the scheduled commands."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.outbox.models import OutgoingEmail

from .emails import digest_key, queue_digest
from .models import UNCONFIRMED_HOURS, Alert, Frequency, Reminder

# A weekly alert is due once this much has passed, so a scheduler running a little early still sends.
WEEKLY_AFTER = datetime.timedelta(days=6, hours=12)
DAILY_AFTER = datetime.timedelta(hours=12)


def is_due(alert: Alert, now: datetime.datetime) -> bool:
    wait = WEEKLY_AFTER if alert.frequency == Frequency.WEEKLY else DAILY_AFTER
    return alert.last_sent_at is None or now - alert.last_sent_at >= wait


def send_digests(now: datetime.datetime | None = None) -> int:
    """Queue one digest per confirmed, due alert with new or changed matches; return how many.
    An alert whose digest for this period is already queued is skipped, so reruns send nothing."""
    now = now or timezone.now()
    sent = 0
    for alert in Alert.objects.exclude(confirmed_at=None).order_by("pk").iterator():
        if not is_due(alert, now) or OutgoingEmail.objects.filter(key=digest_key(alert, now)).exists():
            continue
        items = alert_items(alert)
        if not items:
            continue
        with transaction.atomic():
            queue_digest(alert, items, now)
            Alert.objects.filter(pk=alert.pk).update(last_sent_at=now)
        sent += 1
    return sent


def alert_items(alert: Alert) -> list:
    from .sources import SOURCES

    return SOURCES[alert.source].items(alert.params, since=alert.since())


def purge_unconfirmed(now: datetime.datetime | None = None) -> int:
    """Delete alerts and reminders not confirmed within UNCONFIRMED_HOURS; return how many."""
    before = (now or timezone.now()) - datetime.timedelta(hours=UNCONFIRMED_HOURS)
    deleted = 0
    for model in (Alert, Reminder):
        count, _ = model.objects.filter(confirmed_at=None, created_at__lt=before).delete()
        deleted += count
    return deleted
