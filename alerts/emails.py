"""The alerts' and reminders' emails, all through the outbox with keys that make a rerun send
nothing twice."""

import datetime
import uuid

from django.template.loader import render_to_string

from portal.outbox import queue_email

from . import links
from .models import Alert, Frequency, Reminder, Subscription
from .occasions import Occasion
from .sources import Item


def unsubscribe_url(item: Subscription) -> str:
    return links.absolute(item.unsubscribe_url, item.pk, item.unsubscribe_salt)


def unsubscribe_headers(item: Subscription) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: mail clients POST to this address with no other step."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(item)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _context(item: Subscription, **extra) -> dict:
    manage_url = links.absolute("alerts:manage", item.email, links.MANAGE)
    return {
        "alert": item,
        "item": item,
        "base_url": manage_url.split("/alerts/")[0],
        "manage_url": manage_url,
        "unsubscribe_url": unsubscribe_url(item),
        **extra,
    }


def queue_confirmation(item: Subscription, asked: uuid.UUID | None = None) -> None:
    """The link to confirm an alert or a reminder. `asked` is the form's one-time token: the same
    form sent twice queues one email, while asking again later with a fresh form (the first email
    lost) sends the link again."""
    prefix = item.confirm_salt.replace(".", ":")
    queue_email(
        key=f"{prefix}:{item.pk}:{asked or f'{item.created_at:%Y%m%d%H%M%S}'}",
        subject=f"Confirm your {item.long_noun}",
        body=render_to_string(
            "alerts/emails/confirm.txt",
            _context(item, confirm_url=links.absolute(item.confirm_url, item.pk, item.confirm_salt)),
        ),
        to=[item.email],
    )


def day_before_key(reminder: Reminder, occasion: Occasion) -> str:
    return f"reminders:day-before:{reminder.pk}:{occasion.day.isoformat()}"


def queue_day_before(reminder: Reminder, occasion: Occasion) -> None:
    """The reminder itself, with the event's .ics attached where its page offers one (for a
    cancelled event too: the cancelled .ics updates a calendar that has the event)."""
    ics = occasion.ics()
    attachments = [(f"{occasion.event.slug}.ics", ics, "text/calendar")] if occasion.event and ics else []
    subject = (
        f"Cancelled: {occasion.title}" if occasion.cancelled else f"Reminder: {occasion.title} is tomorrow"
    )
    queue_email(
        key=day_before_key(reminder, occasion),
        subject=subject,
        body=render_to_string("alerts/emails/day_before.txt", _context(reminder, occasion=occasion)),
        to=[reminder.email],
        headers=unsubscribe_headers(reminder),
        attachments=attachments,
    )


def period(alert: Alert, now: datetime.datetime) -> str:
    """The digest's period: a day, or an ISO week, so one alert gets one digest per period."""
    if alert.frequency == Frequency.DAILY:
        return now.date().isoformat()
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


def digest_key(alert: Alert, now: datetime.datetime) -> str:
    return f"alerts:digest:{alert.pk}:{period(alert, now)}"


def queue_digest(alert: Alert, items: list[Item], now: datetime.datetime) -> None:
    queue_email(
        key=digest_key(alert, now),
        subject=f"{len(items)} new or updated: {alert.get_source_display().lower()}",
        body=render_to_string("alerts/emails/digest.txt", _context(alert, items=items)),
        to=[alert.email],
        headers=unsubscribe_headers(alert),
    )


def queue_manage_link(email: str, now: datetime.datetime) -> None:
    """The link to every alert of an address, asked for from the site (once an hour at most)."""
    queue_email(
        key=f"alerts:manage:{email.lower()}:{now:%Y%m%d%H}",
        subject="Your email alerts",
        body=render_to_string(
            "alerts/emails/manage.txt",
            {"manage_url": links.absolute("alerts:manage", email.lower(), links.MANAGE)},
        ),
        to=[email],
    )
