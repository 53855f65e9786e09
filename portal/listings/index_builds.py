"""Facet indexes built in the background, so that no visitor waits for one.

Every change to public content bumps the content version (portal.core.caching), and each listing's
facet index (portal.listings.facet_index) must then be rebuilt, which at 50,000 items is too slow
for a visitor to wait for (bench/README.md). Where that happens:

- The task `rebuild_listings` (enqueued on every change, run by the task worker) builds each
  listing's index for the current version and writes it to the shared cache, compact (a few
  hundred kilobytes at 50,000 items), with a small key holding its version.
- A web process serves each listing from the build it holds in memory. When a request asks for
  a newer version, the request is answered from the build it has (its rows checked against the
  live queryset, see FacetIndex.live) and this process's refresher thread loads the new build from
  the shared cache as soon as the worker has written it, off the request thread.
  If the worker is down or late (no newer build after FALLBACK_SECONDS) the thread builds it
  itself and shares it. A listing with no shared build at all (evicted from the cache) is not
  in the worker's rebuild, so the process behind enqueues a build of that listing by name.
- A process with no build at all for a listing (just started) loads the latest shared build in
  the request, even an earlier one; only if there is none at all (an empty cache) does that first
  request build it, since it has nothing else to answer from.

When the task runs in the web process itself (the immediate backend of development and the
tests) it installs what it builds straight into this process, so the next request is current.
See docs/background-builds.md for what visitors see meanwhile."""

import logging
import os
import threading
import time
from dataclasses import replace

from django.apps import apps
from django.core.cache import cache
from django.db import connections
from django_tasks import task
from wagtail.models import Page

from .facet_index import FacetIndex, Listing

logger = logging.getLogger(__name__)

PREFIX = "portal:facet-index:"
QUEUED_KEY = f"{PREFIX}queued"
# Set whenever a build is shared. Until then a rebuild has nothing to bring up to date, and it
# skips reading every listing page: loading a site's content publishes hundreds of times in a row.
ANY_SHARED_KEY = f"{PREFIX}any-shared"
# A build is replaced at the next change; the timeout only lets an unused listing's build go.
SHARED_SECONDS = 7 * 24 * 60 * 60
# How long an enqueued rebuild stops further changes from enqueueing another (they coalesce).
QUEUED_SECONDS = 30
POLL_SECONDS = 0.25
FALLBACK_SECONDS = 30.0

_indexes: dict[str, FacetIndex] = {}
# name -> (the newest listing a request asked for, when this process first fell behind on it)
_wanted: dict[str, tuple[Listing, float]] = {}
_state = threading.Condition()
_first_build = threading.Lock()
_generation = 0  # forget() starts a new one: the refresher drops work from before it
_refresher_pid: int | None = None
_refresher: threading.Thread | None = None


def facet_index(listing: Listing) -> FacetIndex:
    """The index this process serves `listing` from: the current build, or the previous one while
    the current one is prepared in the background."""
    return served(listing)


def served(listing: Listing) -> FacetIndex:
    """The index to answer `listing` from now, never waiting for a build unless this process has
    none at all."""
    current = _indexes.get(listing.name)
    if current is None:
        current = _first(listing)
    if current.version == listing.version:
        return current
    current = _load_newer(listing, current)
    if current.version == listing.version:
        return current
    _want(listing)
    return replace(current, live=listing.items)


def _load_newer(listing: Listing, held: FacetIndex) -> FacetIndex:
    """The shared build when it is later than the one this process holds: of this very version
    when the worker (or another process) has already shared it, so the listing is exact at once in
    every process rather than after the refresher's next look; or an earlier version that is still
    closer than `held` (a change came after the last build: serving the process's own older build
    would leave out everything published since). Reading a build costs a small fraction of
    building it, and a process reads each build once."""
    shared = shared_version(listing.name)
    if shared is None:
        # Evicted from the cache (or never shared): the worker only rebuilds shared listings.
        schedule_rebuild(listing.name)
        return _indexes.get(listing.name, held)  # built already if the task ran here
    if shared[0] != listing.version and shared[1] <= held.built_at:
        return held
    loaded = load_shared(listing.name)
    if loaded is None or not _install(listing.name, loaded):
        return held
    return loaded


def _first(listing: Listing) -> FacetIndex:
    with _first_build:
        current = _indexes.get(listing.name)
        if current is None:
            current = load_shared(listing.name)
            if current is None:
                current = listing.build()
                share(listing.name, current)
            _install(listing.name, current)
        return current


def _install(name: str, index: FacetIndex) -> bool:
    """Keep `index` as this process's build of `name` unless it already has a later one."""
    with _state:
        held = _indexes.get(name)
        if held is not None and held.built_at > index.built_at:
            return False
        _indexes[name] = index
        return True


def forget() -> None:
    """Drop every build this process holds and end its refresher thread, once its current pass is
    done (tests: nothing of one test's carries into the next; the shared cache is cleared
    separately)."""
    global _generation, _refresher, _refresher_pid
    with _state:
        _indexes.clear()
        _wanted.clear()
        _generation += 1
        thread, _refresher, _refresher_pid = _refresher, None, None
        _state.notify_all()
    if thread is not None and thread is not threading.current_thread():
        thread.join(timeout=30)


# The shared builds: the latest build of each listing, whatever its version.


def _key(name: str) -> str:
    return f"{PREFIX}{name}"


def shared_version(name: str) -> tuple[str, float] | None:
    """(version, built_at) of the shared build of `name`, read from a small key."""
    try:
        meta = cache.get(f"{_key(name)}:meta")
    except Exception:  # the cache is down: there is no shared build to be had
        logger.warning("Cache unavailable reading the facet index of %s", name, exc_info=True)
        return None
    return tuple(meta) if meta else None  # type: ignore[return-value]


def load_shared(name: str) -> FacetIndex | None:
    try:
        data = cache.get(_key(name))
    except Exception:
        logger.warning("Cache unavailable reading the facet index of %s", name, exc_info=True)
        return None
    return FacetIndex.loads(data) if isinstance(data, bytes) else None


def share(name: str, index: FacetIndex) -> None:
    """Write `index` for every process, unless a later build is already there."""
    try:
        held = shared_version(name)
        if held is not None and held[1] > index.built_at:
            return
        cache.set_many(
            {
                _key(name): index.dumps(),
                f"{_key(name)}:meta": (index.version, index.built_at),
                ANY_SHARED_KEY: True,
            },
            SHARED_SECONDS,
        )
    except Exception:  # the cache is down: each process keeps its own build meanwhile
        logger.warning("Cache unavailable sharing the facet index of %s", name, exc_info=True)


# The refresher: one thread per process, loading (or, failing that, building) what requests wanted.


def _want(listing: Listing) -> None:
    with _state:
        held = _wanted.get(listing.name)
        if held is None or held[0].version != listing.version:
            _wanted[listing.name] = (listing, held[1] if held else time.monotonic())
            _state.notify()
    _start_refresher()


def _start_refresher() -> None:
    global _refresher, _refresher_pid
    pid = os.getpid()
    if _refresher_pid == pid:
        return
    with _state:  # a forked process (gunicorn workers) has no thread yet, whatever its parent had
        if _refresher_pid != pid:
            _refresher_pid = pid
            _refresher = threading.Thread(
                target=_refresh_forever, args=(_generation,), name="facet-index-refresher", daemon=True
            )
            _refresher.start()


def _refresh_forever(generation: int) -> None:
    while True:
        with _state:
            while not _wanted and generation == _generation:
                _state.wait()
            if generation != _generation:
                return  # forget() ended this thread
        try:
            refresh_pending()
        finally:
            connections.close_all()  # this thread's own connections only
        time.sleep(POLL_SECONDS)


def refresh_pending() -> None:
    """One pass of the refresher: for each listing a request found out of date, load the shared
    build if a later one is there, or build it here once FALLBACK_SECONDS have passed."""
    with _state:
        pending, generation = dict(_wanted), _generation
    for name, (listing, since) in pending.items():
        try:
            _refresh(name, listing, since, generation)
        except Exception:
            logger.exception("Refreshing the facet index of %s failed", name)


def _refresh(name: str, listing: Listing, since: float, generation: int) -> None:
    held = _indexes.get(name)
    shared = shared_version(name)
    if shared is not None and (held is None or shared[1] > held.built_at):
        loaded = load_shared(name)
        if loaded is not None and generation == _generation:
            _install(name, loaded)
            held = loaded
    if (held is None or held.version != listing.version) and time.monotonic() - since > FALLBACK_SECONDS:
        logger.warning("No shared facet index of %s after %.0f s: building it here", name, FALLBACK_SECONDS)
        held = listing.build()
        share(name, held)
        if generation == _generation:
            _install(name, held)
    if held is not None and held.version == listing.version:
        with _state:
            if _wanted.get(name, (None,))[0] is listing:
                del _wanted[name]


# The task and what enqueues it.


def schedule_rebuild(name: str | None = None) -> None:
    """Enqueue `rebuild_listings`, unless one is already queued and not yet started: changes in
    quick succession share one rebuild. With `name`, the build of that one listing, which a
    process wants but nobody has shared. Never fails the caller: at worst the refresher builds."""
    marker = _queued_key(name)
    try:
        if not cache.add(marker, 1, QUEUED_SECONDS):
            return
    except Exception:
        logger.warning("Cache unavailable: facet indexes will be rebuilt by each process", exc_info=True)
        return
    try:
        rebuild_listings.enqueue(names=[name] if name else None)
    except Exception:
        logger.exception("Could not enqueue the facet index rebuild")
        cache.delete(marker)


def _queued_key(name: str | None) -> str:
    return f"{QUEUED_KEY}:{name}" if name else QUEUED_KEY


def listings() -> list[Listing]:
    """Every listing on the site, at the current content version: each live page whose model has
    `facet_listings()`."""
    models = [m for m in apps.get_models() if issubclass(m, Page) and hasattr(m, "facet_listings")]
    found: list[Listing] = []
    for page in Page.objects.live().type(*models).specific():
        found.extend(page.facet_listings())
    return found


@task(backend="builds")
def rebuild_listings(everything: bool = False, names: list[str] | None = None) -> list[str]:
    """Build and share each listing's index for the current content version, skipping those
    already shared at that version (so running it twice costs a few cache reads). Without
    `everything`, only listings some process has served (a shared build exists): the others are
    built when first asked for. With `names`, only those listings, shared or not. Returns the
    names built."""
    try:
        # Changes from now on need another run.
        cache.delete_many([_queued_key(name) for name in names or [None]])
        if not (everything or names or cache.get(ANY_SHARED_KEY)):
            return []
    except Exception:
        logger.warning("Cache unavailable rebuilding facet indexes", exc_info=True)
        return []
    built = []
    for listing in listings():
        if names and listing.name not in names:
            continue
        shared = shared_version(listing.name)
        if (shared is None and not (everything or names)) or (
            shared is not None and shared[0] == listing.version
        ):
            continue
        index = listing.build()
        share(listing.name, index)
        if listing.name in _indexes:  # the immediate backend: this is the web process itself
            _install(listing.name, index)
        built.append(listing.name)
    return built
