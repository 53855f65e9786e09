"""SQLite: two officers deciding at the same moment both succeed, one after the other, instead of
one failing with "database is locked".

A decision reads (the request's status, the places left) and then writes. With SQLite's default
deferred transactions both decisions start as readers, and the second to write cannot wait for
the first (its snapshot is already stale), so it fails at once. With the portal's settings every
transaction starts with BEGIN IMMEDIATE: the second waits for the first, then reads its result.

This runs on a database file with the portal's own connection options (the test database is in
memory, where SQLite locks differently)."""

import threading

import pytest
from django.db import connections, transaction

ALIAS = "sqlite_file"


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    default = connections.settings["default"]
    if default["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL has row locks")
    connections.settings[ALIAS] = {**default, "NAME": str(tmp_path / "portal.sqlite3")}
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE capacity (id INTEGER PRIMARY KEY, places_taken INTEGER)")
            cursor.execute("INSERT INTO capacity VALUES (1, 0)")
        connections[ALIAS].close()
        yield
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def places_taken() -> int:
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT places_taken FROM capacity WHERE id = 1")
        return cursor.fetchone()[0]


def test_the_portals_sqlite_options_make_writers_wait(file_database):
    options = connections.settings[ALIAS]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5


def test_two_decisions_at_the_same_moment_both_succeed_one_after_the_other(file_database):
    start = threading.Barrier(2)
    has_read = {name: threading.Event() for name in ("first", "second")}
    outcomes: dict[str, str] = {}

    def decide(name: str, other: str) -> None:
        try:
            start.wait(timeout=10)
            with transaction.atomic(using=ALIAS):
                taken = places_taken()
                has_read[name].set()
                # With deferred transactions the other decision reads now too, and the race is
                # on; with IMMEDIATE it cannot read until this one commits, so this wait lapses.
                has_read[other].wait(timeout=2)
                with connections[ALIAS].cursor() as cursor:
                    cursor.execute("UPDATE capacity SET places_taken = %s WHERE id = 1", [taken + 1])
            outcomes[name] = "ok"
        except Exception as error:  # the test inspects every outcome
            outcomes[name] = f"{type(error).__name__}: {error}"
        finally:
            connections[ALIAS].close()

    threads = [
        threading.Thread(target=decide, args=("first", "second")),
        threading.Thread(target=decide, args=("second", "first")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == {"first": "ok", "second": "ok"}
    assert places_taken() == 2, "each decision saw the other's result: no lost update"
