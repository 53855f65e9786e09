"""The sign-in limiter: failed attempts are counted per (username, address) and per address, so
nobody can lock a real user out by guessing their username from elsewhere, while guessing one
account's password, or many accounts' from one address, soon meets the portal's 429 page.

Only failures count: a correct password from another address signs in whatever has happened to
the username. Usernames are counted as the sign-in form would read them, whatever their case and
spaces. Counts live in django-ratelimit's cache (RATELIMIT_USE_CACHE, else "default"), in fixed
windows, and honour RATELIMIT_ENABLE like every other limit."""

import contextlib
import functools
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from portal.core.proxy import client_address

WINDOW_SECONDS = 15 * 60
PER_ACCOUNT_AND_ADDRESS = 10
PER_ADDRESS = 30


def normalised_username(username: str) -> str:
    return "".join(username.split()).casefold()


def _limits(request: HttpRequest) -> list[tuple[str, int]]:
    """The counters this attempt is checked against and, if it fails, adds to."""
    window = int(time.time() // WINDOW_SECONDS)
    address = client_address(request)
    username = normalised_username(request.POST.get("username", ""))
    pair = hashlib.sha256(f"{username}\n{address}".encode()).hexdigest()
    limits = [(f"sign-in:address:{address}:{window}", PER_ADDRESS)]
    if username:
        limits.append((f"sign-in:account:{pair}:{window}", PER_ACCOUNT_AND_ADDRESS))
    return limits


def _cache() -> Any:
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


def _reserve(key: str) -> int:
    """Count this attempt now (atomically, in the shared cache) and return the new count."""
    cache = _cache()
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def _release(keys: list[str]) -> None:
    """Take back attempts that did not count: refused ones, and correct passwords."""
    cache = _cache()
    for key in keys:
        with contextlib.suppress(ValueError):  # the window ended meanwhile
            cache.decr(key)


def limit_failed_sign_ins(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a sign-in view (Django's or Wagtail's LoginView). Each attempt takes its place in the
    counts before the password is checked and gives it back if it signs in: checking first and
    counting after would let attempts arriving together at several workers all pass the check."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST" or not getattr(settings, "RATELIMIT_ENABLE", True):
            return view(request, *args, **kwargs)
        limits = _limits(request)
        keys = [key for key, _ in limits]
        counts = [_reserve(key) for key in keys]
        if any(count > limit for count, (_, limit) in zip(counts, limits, strict=True)):
            _release(keys)
            return import_string(settings.RATELIMIT_VIEW)(request, None)
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            _release(keys)
        return response

    return wrapped
