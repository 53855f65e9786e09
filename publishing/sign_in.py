"""The sign-in limiter: failed attempts are counted per (username, address) and per address, so
nobody can lock a real user out by guessing their username from elsewhere, while guessing one
account's password, or many accounts' from one address, soon meets the portal's 429 page.

Only failures count: a correct password from another address signs in whatever has happened to
the username. Usernames are counted as the sign-in form would read them, whatever their case and
spaces. Counts live in django-ratelimit's cache (RATELIMIT_USE_CACHE, else "default"), in fixed
windows, and honour RATELIMIT_ENABLE like every other limit."""

import functools
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from portal.home.proxy import client_address

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


def _count_failure(keys: list[str]) -> None:
    cache = _cache()
    for key in keys:
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def limit_failed_sign_ins(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a sign-in view (Django's or Wagtail's LoginView)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST" or not getattr(settings, "RATELIMIT_ENABLE", True):
            return view(request, *args, **kwargs)
        limits = _limits(request)
        counts = _cache().get_many([key for key, _ in limits])
        if any(counts.get(key, 0) >= limit for key, limit in limits):
            return import_string(settings.RATELIMIT_VIEW)(request, None)
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            _count_failure([key for key, _ in limits])
        return response

    return wrapped
