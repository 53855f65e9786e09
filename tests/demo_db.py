"""The whole demo, loaded once per test process and restored for each module that reads it.

Loading the demo builds some 700 pages through Wagtail (tree inserts, revisions, publishes, search
documents), and a dozen modules each loaded it, or part of it, again (bench/README.md has the cost). Now the
first module that asks loads all of it, as `load_demo_content` does, into the in-memory SQLite
database and keeps a copy (SQLite's backup API, as tests/migrated_db.py does for the migrations);
every later module gets that copy restored in milliseconds. When a module ends, the database is put
back as the module found it, so the modules after it see the migrated database as before.

Each test still runs in its own transaction, rolled back, as pytest-django does: a test may load a
data file again, to prove that loading twice changes nothing, without touching the kept copy.

On PostgreSQL (and any database but in-memory SQLite) each module loads the demo itself, inside a
transaction rolled back when the module ends (tests/shared_data.py). The files the demo writes
(documents) stay in this process's MEDIA_ROOT for the whole run, as the kept copy refers to them."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from unittest import mock

from django.db import connection

from demo.loader import load_everything
from portal.home.models import HomePage

from .migrated_db import in_memory_sqlite
from .shared_data import built_once


@dataclass(frozen=True)
class Demo:
    """The loaded demo: how many records of each kind the loader made, and its home page."""

    loaded: dict[str, int]

    @property
    def home(self) -> HomePage:
        # Read afresh each time: a test that loads again saves a new revision of the home page,
        # and its rollback would leave a kept object pointing at a revision that is gone.
        return HomePage.objects.get()


_kept: tuple[sqlite3.Connection, dict[str, int]] | None = None


def _load() -> dict[str, int]:
    """Everything in demo/data, then the search indexes, as `manage.py load_demo_content` does in
    production: no DEMO_ADMIN_PASSWORD (the test settings have DEBUG off), so no demo account can
    sign in."""
    with mock.patch.dict(os.environ):
        os.environ.pop("DEMO_ADMIN_PASSWORD", None)
        return load_everything(HomePage.objects.get())


def _copy_of_database() -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


@contextmanager
def demo_loaded(django_db_blocker) -> Iterator[Demo]:
    """For a module fixture: the database holds the whole demo until the module ends."""
    global _kept
    if not in_memory_sqlite():
        with built_once(django_db_blocker):
            loaded = _load()
            yield Demo(loaded)
        return
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with closing(_copy_of_database()) as as_found:
            try:
                if _kept is None:
                    loaded = _load()
                    _kept = (_copy_of_database(), loaded)
                else:
                    _kept[0].backup(connection.connection)
                yield Demo(dict(_kept[1]))
            finally:
                as_found.backup(connection.connection)
