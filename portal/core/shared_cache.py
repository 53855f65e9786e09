"""The shared cache (Redis) that degrades instead of failing.

Django's RedisCache raises when Redis is down, and every page reads the cache, so a stopped Redis
would turn every request into a 500. `FailSoftRedisCache` answers as an empty cache instead: reads
miss, writes are dropped, the fault is logged once per outage, and pages are built from the
database. After a failure each process leaves Redis alone for `OUTAGE_SECONDS`, so a hung server
costs one short timeout per process, not one per cache call.

With `LOCAL_FALLBACK` (the rate-limit cache) calls go to this process's memory during an outage,
so rate limits still hold per gunicorn worker (three workers let through up to three times the
limit) rather than letting everything through or blocking every form.

When Redis answers again, `cache_recovered` is sent: writes dropped meanwhile may have included
a content-version bump, so portal.core.caching bumps it once more. The outage ends for the
process's other threads only once that is done."""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent (sender: the backend's class, location: its Redis URL) when Redis answers after a failure.
cache_recovered = Signal()


class _Outage:
    """One per Redis location and process (Django makes a cache object per thread)."""

    def __init__(self, location: str, seconds: float) -> None:
        self.location = location
        self.seconds = seconds
        self.lock = threading.Lock()
        self.since: float | None = None
        self.retry_at = 0.0
        self.failures = 0
        # Held by the one thread that found the cache back while the recovery receivers run.
        self.recovery = threading.Lock()
        self.recovering = threading.local()

    def skipping(self) -> bool:
        return self.since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            first = self.since is None
            if first:
                self.since = now
            self.retry_at = now + self.seconds
            self.failures += 1
        if first:
            logger.error("Cache %s unreachable, serving without it: %s", self.location, error)

    def recover(self, ping: Callable[[], Any], recovered: Callable[[], Any]) -> bool:
        """Whether this thread may use the cache, once `ping` answers and `recovered` (the
        cache_recovered receivers) has run without another failure. Until then the outage stands
        for every other thread of the process: one that read the cache in between would find
        pages kept from before the outage, under a content version the receivers are about to
        retire."""
        if getattr(self.recovering, "active", False):
            return True  # the receivers' own cache calls
        if not self.recovery.acquire(blocking=False):
            return False  # another thread is recovering: still down for this one
        try:
            if self.since is None:
                return True
            failures = self.failures
            try:
                ping()
            except RedisError as error:
                self.failed(error)
                return False
            self.recovering.active = True
            try:
                recovered()
            finally:
                self.recovering.active = False
            if self.failures != failures:
                return False  # failed again meanwhile: the next attempt runs the receivers again
            since, self.since = self.since, None
            logger.warning("Cache %s answering again after %.1f s", self.location, time.monotonic() - since)
            return True
        finally:
            self.recovery.release()


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str, seconds: float) -> _Outage:
    with _outages_lock:
        outage = _outages.setdefault(location, _Outage(location, seconds))
        outage.seconds = seconds
        return outage


class CacheUnavailable(ValueError):
    """incr() with Redis down and no local fallback: callers treat it as a missing key."""


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache, but a Redis fault is a cache miss and a log line, never an exception.

    Extra OPTIONS (the rest go to redis-py): OUTAGE_SECONDS (default 5) and LOCAL_FALLBACK (default
    False). Connect and read timeouts default to 0.5 s: a cache slower than that is no help."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        seconds = float(options.pop("OUTAGE_SECONDS", 5))
        local = bool(options.pop("LOCAL_FALLBACK", False))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        location = server if isinstance(server, str) else ",".join(server)
        self._outage = _outage_for(location, seconds)
        # LocMemCache shares its store between instances of the same name: one per process.
        self._local = (
            LocMemCache(f"fail-soft:{location}", {"OPTIONS": {"MAX_ENTRIES": 100_000}}) if local else None
        )

    def _reachable(self) -> bool:
        """During an outage, a ping every OUTAGE_SECONDS; when it answers, cache_recovered is
        sent before the caller's own call, so that call already sees what the receivers did."""
        if self._outage.since is None:
            return True
        if self._outage.skipping():
            return False
        return self._outage.recover(
            lambda: self._cache.get_client(write=True).ping(),
            lambda: cache_recovered.send(sender=type(self), location=self._outage.location),
        )

    def _guarded(self, name: str, when_down: Callable[[], Any], *args: Any, **kwargs: Any) -> Any:
        if self._reachable():
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                self._outage.failed(error)
        if self._local is not None:
            return getattr(self._local, name)(*args, **kwargs)
        return when_down()

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded("add", lambda: False, key, value, timeout, version)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guarded("get", lambda: default, key, default, version)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        return self._guarded("set", lambda: None, key, value, timeout, version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded("touch", lambda: False, key, timeout, version)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guarded("delete", lambda: False, key, version)

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        return self._guarded("get_many", dict, keys, version)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guarded("has_key", lambda: False, key, version)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        def unavailable() -> int:
            raise CacheUnavailable(f"Cache {self._outage.location} unreachable")

        return self._guarded("incr", unavailable, key, delta, version)

    def set_many(
        self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list:
        return self._guarded("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        return self._guarded("delete_many", lambda: None, keys, version)

    def clear(self) -> None:
        return self._guarded("clear", lambda: None)
