"""Signed links: no account, no stored token. Each salt gives a link one job."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import UNCONFIRMED_HOURS, Alert, Reminder

CONFIRM = Alert.confirm_salt
UNSUBSCRIBE = Alert.unsubscribe_salt
MANAGE = "alerts.manage"  # every alert and reminder of one address
# Confirmation links expire with the unconfirmed row they confirm.
EXPIRING = {Alert.confirm_salt, Reminder.confirm_salt}


def token(value: int | str, salt: str) -> str:
    return signing.dumps(value, salt=salt)


def read(value: str, salt: str) -> int | str | None:
    """The signed value, or None for a tampered or (confirmation links) expired link."""
    max_age = UNCONFIRMED_HOURS * 3600 if salt in EXPIRING else None
    try:
        return signing.loads(value, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None


def absolute(name: str, value: int | str, salt: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[token(value, salt)])
