"""Signed links: no account, no stored token. Each salt gives a link one job."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import UNCONFIRMED_HOURS

CONFIRM = "alerts.confirm"
UNSUBSCRIBE = "alerts.unsubscribe"
MANAGE = "alerts.manage"


def token(value: int | str, salt: str) -> str:
    return signing.dumps(value, salt=salt)


def read(value: str, salt: str) -> int | str | None:
    """The signed value, or None for a tampered or (confirmation links) expired link."""
    max_age = UNCONFIRMED_HOURS * 3600 if salt == CONFIRM else None
    try:
        return signing.loads(value, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None


def absolute(name: str, value: int | str, salt: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[token(value, salt)])
