import datetime
import shutil
from contextlib import nullcontext

import pytest
from _pytest.nodeid import NodeId
from wagtail.models import Page

from portal.home.models import HomePage

_TRAVEL = pytest.StashKey()


def pytest_addoption(parser):
    parser.addoption(
        "--clock-ahead",
        type=int,
        default=0,
        metavar="DAYS",
        help="Run every test with Python's wall clock DAYS ahead (time-machine), as `make test-future` does.",
    )


def pytest_configure(config):
    """With --clock-ahead, the run happens that many days in the future, from before the test
    modules are imported (several compute dates as they load): nothing may depend on today's
    date. Only Python's wall clock moves (datetime, date.today, time.time); the monotonic clock
    that timeouts and waits use stays real, and processes the tests start (Redis, the scheduler's
    jobs, locust) keep the real date."""
    days = config.getoption("clock_ahead")
    if days:
        import time_machine

        moved = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days)
        config.stash[_TRAVEL] = time_machine.travel(moved, tick=True)
        config.stash[_TRAVEL].start()


def pytest_unconfigure(config):
    if _TRAVEL in config.stash:
        config.stash[_TRAVEL].stop()


@pytest.fixture(scope="session", autouse=True)
def _empty_media_root():
    """This process's uploads and stored builds (booklets, packs) start empty: files an earlier
    run left would be taken for this run's builds."""
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def home(db) -> HomePage:
    """The home page the migrations create."""
    return HomePage.objects.get()


@pytest.fixture
def root_page(db) -> Page:
    return Page.get_first_root_node()


@pytest.fixture
def one_rate_window():
    """django-ratelimit counts in fixed windows ("10/m": a minute), each key's starting at a
    second of its own. A test that makes a limit's worth of requests and one more could straddle a
    boundary and see the count start again, so the wall clock stands still for the test and its
    requests fall in one window."""
    import time_machine

    with time_machine.travel(datetime.datetime.now(datetime.UTC), tick=False):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The caches and the facet indexes live in process memory: no test may see another test's
    pages, listings or rate-limit counts."""
    from django.conf import settings
    from django.core.cache import caches

    from portal.listings.index_builds import forget

    def clear() -> None:
        for alias in settings.CACHES:
            caches[alias].clear()
        forget()

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def _no_refresher_thread(request, monkeypatch):
    """The listings' refresher thread (portal.listings.index_builds) would race a test, and hold a
    database connection while a transactional test's tables are flushed: tests run its pass
    themselves with refresh_pending(), except those marked `refresher_thread`."""
    if request.node.get_closest_marker("refresher_thread") is None:
        from portal.listings import index_builds

        monkeypatch.setattr(index_builds, "_start_refresher", lambda: None)


@pytest.fixture(autouse=True)
def _tasks_of_this_test():
    """tests.tasks.run_tasks() runs only what this test queued."""
    from django.utils import timezone

    from tests import tasks

    tasks.test_started = timezone.now()
    yield
    tasks.test_started = None


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's set-up, except that an in-memory SQLite database is restored from the
    migrated copy kept in pytest's cache (tests/migrated_db.py) instead of migrated again."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from tests.migrated_db import migrated_once

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider: migrate as before
    kept = migrated_once(cache.mkdir("django-db")) if cache else nullcontext()
    with django_db_blocker.unblock(), kept:
        databases = setup_databases(
            verbosity=verbosity, interactive=False, aliases=aliases, serialized_aliases=serialized_aliases
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=verbosity)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo content, for every test of the module (tests/demo_db.py): loaded once per
    test process and restored per module, each test rolled back as usual."""
    from tests.demo_db import demo_loaded

    with demo_loaded(django_db_blocker) as loaded:
        yield loaded


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Tests that read the whole demo run on one xdist worker, so that only one process loads it.

    pytest-xdist's `--dist loadgroup` sends tests to workers by the `@group` suffix its worker adds
    to each grouped test's node id; on pytest 9 that assignment (to `item._nodeid`) no longer takes
    effect, so the suffix is added here, once every other hook has run."""
    for item in items:
        if "demo" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("demo"))
    result = yield
    if getattr(config.option, "loadgroup", False):
        for item in items:
            groups = sorted({str(mark.args[0]) for mark in item.iter_markers("xdist_group") if mark.args})
            if groups and "@" not in item.nodeid.rpartition("]")[2] and hasattr(item, "_id"):
                item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")
    return result


@pytest.fixture
def queued_only(settings):
    """Tasks are queued and not run, as with a worker that has not got to them yet (builds of
    facet indexes, booklets and packs included): the dummy backend of `builds` is returned, so a
    test reads what was queued from its `results`."""
    from django_tasks import task_backends

    dummy = {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}
    settings.TASKS = {"default": dummy, "builds": dummy}
    return task_backends["builds"]
