"""The alerts' emails, all through the outbox with keys that make a rerun send nothing twice."""

import datetime

from django.template.loader import render_to_string

from portal.outbox import queue_email

from . import links
from .models import Alert, Frequency
from .sources import Item


def unsubscribe_headers(alert: Alert) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: mail clients POST to this address with no other step."""
    return {
        "List-Unsubscribe": f"<{links.absolute('alerts:unsubscribe', alert.pk, links.UNSUBSCRIBE)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _context(alert: Alert, **extra) -> dict:
    return {
        "alert": alert,
        "base_url": links.absolute("alerts:manage", alert.email, links.MANAGE).split("/alerts/")[0],
        "manage_url": links.absolute("alerts:manage", alert.email, links.MANAGE),
        "unsubscribe_url": links.absolute("alerts:unsubscribe", alert.pk, links.UNSUBSCRIBE),
        **extra,
    }


def queue_confirmation(alert: Alert) -> None:
    queue_email(
        key=f"alerts:confirm:{alert.pk}:{alert.created_at:%Y%m%d%H%M%S}",
        subject="Confirm your email alert",
        body=render_to_string(
            "alerts/emails/confirm.txt",
            _context(alert, confirm_url=links.absolute("alerts:confirm", alert.pk, links.CONFIRM)),
        ),
        to=[alert.email],
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
