"""The shared cache as production runs it: a real redis-server for pages and another for rate-limit
counts, stopped, frozen and restarted in the middle of a test. Pages are then built uncached,
forms still work, rate limits still hold (per process), the fault is logged, and nothing is a 500."""

import logging
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache, caches

from portal.core import caching, shared_cache
from portal.listings import index_builds
from portal.settings.base import FAIL_SOFT_REDIS_CACHE
from tests.resources import factories
from tests.servers import RedisServer, free_port

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_pair():
    pages = RedisServer(policy="allkeys-lru").start()
    limits = RedisServer(policy="noeviction").start()
    yield pages, limits
    pages.close()
    limits.close()


def _caches(pages: RedisServer, limits: RedisServer, outage_seconds: float = 0) -> dict:
    # Retried on every call (OUTAGE_SECONDS 0) with short timeouts: a frozen server costs little.
    options = {"OUTAGE_SECONDS": outage_seconds, "socket_timeout": 0.1, "socket_connect_timeout": 0.1}
    return {
        "default": {"BACKEND": FAIL_SOFT_REDIS_CACHE, "LOCATION": pages.url(), "OPTIONS": options},
        "ratelimit": {
            "BACKEND": FAIL_SOFT_REDIS_CACHE,
            "LOCATION": limits.url(),
            "OPTIONS": {**options, "LOCAL_FALLBACK": True},
        },
    }


@pytest.fixture
def on_redis(redis_pair, settings):
    """Both caches on the real servers; each test starts with no outage remembered."""
    shared_cache._outages.clear()
    settings.CACHES = _caches(*redis_pair)
    yield redis_pair
    shared_cache._outages.clear()


def sign_in(client, ip: str = "192.0.2.1", username: str = "someone"):
    return client.post("/admin/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=ip)


def test_pages_are_cached_in_redis_and_counters_in_the_other_redis(client, home, on_redis):
    pages, limits = on_redis
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/")["X-Cache"] == "hit"
    sign_in(client)
    assert caches["default"]._cache.get_client().dbsize() > 0
    assert caches["ratelimit"]._cache.get_client().dbsize() == 2  # this address and this username


def test_redis_stopped_mid_test_pages_are_built_uncached_and_logged(
    client, home, on_redis, caplog, monkeypatch
):
    pages, limits = on_redis
    index = factories.resource_index(home)
    factories.resource(index, title="Before the outage")
    assert client.get("/resources/").status_code == 200
    assert client.get("/resources/")["X-Cache"] == "hit"

    pages.stop()
    limits.stop()
    with caplog.at_level(logging.ERROR, logger="portal.core.shared_cache"):
        for _ in range(3):
            response = client.get("/resources/")
            assert response.status_code == 200 and response["X-Cache"] == "miss"
    assert "Before the outage" in response.content.decode()
    assert any("unreachable" in record.getMessage() for record in caplog.records)

    factories.resource(index, title="Published during the outage")  # the bump is lost: no error
    assert client.get("/resources/").status_code == 200  # the previous build, rows checked
    # With no shared cache no build can arrive from the worker: after FALLBACK_SECONDS the
    # process builds for itself (docs/background-builds.md), and the new page is listed.
    monkeypatch.setattr(index_builds, "FALLBACK_SECONDS", -1.0)
    index_builds.refresh_pending()
    assert "Published during the outage" in client.get("/resources/").content.decode()


def test_forms_still_work_and_rate_limits_hold_per_process_while_redis_is_down(client, home, on_redis):
    pages, limits = on_redis
    pages.stop()
    limits.stop()
    statuses = [sign_in(client, ip="192.0.2.7").status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]  # the form again with its error, then the limit
    # Failures count per account and address: another address is not locked out of the account.
    assert sign_in(client, ip="192.0.2.8").status_code == 200
    assert sign_in(client, ip="192.0.2.8", username="someone-else").status_code == 200


def test_after_redis_comes_back_pages_are_cached_again_and_nothing_stale_is_served(client, home, on_redis):
    """Redis restarted empty: caching resumes. Redis back with its old data (a network fault,
    not a restart): the first process to reach it bumps the version, so pages cached before a
    change made during the outage are not served."""
    pages, limits = on_redis
    index = factories.resource_index(home)
    page = factories.resource(index, title="Withdrawn during the outage")
    assert "Withdrawn during the outage" in client.get("/resources/").content.decode()
    assert client.get("/resources/")["X-Cache"] == "hit"

    pages.freeze()  # the data stays, but nobody can reach it
    page.unpublish()
    assert "Withdrawn during the outage" not in client.get("/resources/").content.decode()
    pages.thaw()

    after = client.get("/resources/")
    assert "Withdrawn during the outage" not in after.content.decode()
    # The request that finds Redis back bumps the version and queues the rebuild; an answer from
    # the earlier build is not kept, so caching resumes once the new build is in.
    assert [client.get("/resources/")["X-Cache"] for _ in range(2)][-1] == "hit"

    pages.stop()
    pages.start()  # restarted empty: a new content version, and no build of it anywhere
    # Nothing shared to catch up from: the listing's build is asked for by name (and run at once
    # here, where builds run in the process), so the first answer is current and kept.
    first = client.get("/resources/")
    assert first["X-Cache"] == "miss" and "no-cache" not in first["Cache-Control"]
    assert client.get("/resources/")["X-Cache"] == "hit"


def test_while_one_thread_recovers_the_others_still_serve_without_the_cache(redis_pair, settings):
    """The thread that finds Redis back bumps the content version (cache_recovered) before the
    outage ends: another thread reading the cache in between would find pages kept from before
    the outage under the version about to be retired."""
    pages, limits = redis_pair
    shared_cache._outages.clear()
    settings.CACHES = _caches(pages, limits)
    pages.stop()
    assert cache.add("before", 1) is False  # the outage is noticed
    pages.start()
    inside, release = threading.Event(), threading.Event()

    def receiver(**kwargs):
        inside.set()
        release.wait(10)

    shared_cache.cache_recovered.connect(receiver, weak=False, dispatch_uid="test-slow-recovery")
    recovering = threading.Thread(target=cache.get, args=("anything",))
    try:
        recovering.start()
        assert inside.wait(10)
        assert cache.add("during", 1) is False  # still down for this thread
    finally:
        release.set()
        recovering.join(10)
        shared_cache.cache_recovered.disconnect(dispatch_uid="test-slow-recovery")
    assert cache.add("after", 1) is True
    shared_cache._outages.clear()


def test_after_a_failure_each_process_leaves_redis_alone_for_a_while(client, home, redis_pair, settings):
    pages, limits = redis_pair
    shared_cache._outages.clear()
    settings.CACHES = _caches(pages, limits, outage_seconds=3600)
    pages.stop()
    assert client.get("/").status_code == 200
    pages.start()
    assert cache.get(caching.VERSION_KEY) is None  # not asked: still inside the outage window
    shared_cache._outages.clear()


def test_a_failing_increment_is_a_missing_key_for_callers():
    backend = shared_cache.FailSoftRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})  # nothing listens
    with pytest.raises(ValueError):
        backend.incr("anything")
    assert backend.get("anything", "default") == "default"
    assert backend.add("anything", 1) is False
    assert backend.set_many({"a": 1, "b": 2}) == ["a", "b"]
    shared_cache._outages.clear()


def test_random_query_strings_cannot_evict_the_rate_limit_counts(client, home, settings):
    """The reproduction on one process: many GETs with random query strings, then more sign-ins.
    Unknown parameters are not cached at all, and known ones with random values fill only the
    page cache: the counts live in their own cache."""
    for _ in range(10):
        sign_in(client, ip="192.0.2.30")
    for number in range(400):
        client.get(f"/?utm_source={uuid.uuid4().hex}" if number % 2 else f"/search/?q={uuid.uuid4().hex}")
    assert sign_in(client, ip="192.0.2.30").status_code == 429


def test_urls_with_unknown_query_parameters_are_served_but_never_cached(client, home):
    index = factories.resource_index(home)
    factories.resource(index, title="Any")
    client.get("/resources/?benchmark=6")
    assert client.get("/resources/?benchmark=6")["X-Cache"] == "hit"
    client.get("/resources/?utm_campaign=spring")
    unknown = client.get("/resources/?utm_campaign=spring")
    assert unknown.status_code == 200 and unknown["X-Cache"] == "miss"


def test_every_listing_filter_is_a_known_page_parameter():
    from directory.api.views import SERVICE_FILTERS
    from directory.filters import provider_facets, service_facets
    from events.filters import event_facets
    from placements.filters import placement_facets
    from resources.filters import resource_facets
    from search.contract import search_facets
    from stories.filters import story_facets

    facets = (
        resource_facets,
        placement_facets,
        event_facets,
        story_facets,
        service_facets,
        provider_facets,
        search_facets,
    )
    params = {facet.param for facets_of in facets for facet in facets_of()} | set(SERVICE_FILTERS)
    assert params <= caching.PAGE_CACHE_PARAMETERS, params - caching.PAGE_CACHE_PARAMETERS


def _production(**env: str) -> subprocess.CompletedProcess:
    environment = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "k" * 60, **env}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", "import portal.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
@pytest.mark.parametrize("variable", ["CACHE", "RATELIMIT_CACHE"])
def test_production_refuses_a_per_process_cache(backend, variable):
    shared = {
        "CACHE_BACKEND": FAIL_SOFT_REDIS_CACHE,
        "CACHE_LOCATION": "redis://redis:6379/0",
        "RATELIMIT_CACHE_BACKEND": FAIL_SOFT_REDIS_CACHE,
        "RATELIMIT_CACHE_LOCATION": "redis://redis-ratelimit:6379/0",
    }
    result = _production(**{**shared, f"{variable}_BACKEND": backend})
    assert result.returncode != 0 and f"{variable}_BACKEND is {backend}" in result.stderr


def test_production_refuses_counts_in_the_page_cache_and_starts_with_two_redis():
    same = {
        "CACHE_BACKEND": FAIL_SOFT_REDIS_CACHE,
        "CACHE_LOCATION": "redis://redis:6379/0",
        "RATELIMIT_CACHE_BACKEND": FAIL_SOFT_REDIS_CACHE,
        "RATELIMIT_CACHE_LOCATION": "redis://redis:6379/0",
    }
    refused = _production(**same)
    assert refused.returncode != 0 and "must not be the page cache" in refused.stderr
    started = _production(**{**same, "RATELIMIT_CACHE_LOCATION": "redis://redis-ratelimit:6379/0"})
    assert started.returncode == 0, started.stderr
