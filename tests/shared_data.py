"""Data built once for a whole test module instead of once per test.

Building the demo or a small portal takes seconds; doing it for every test was most of the
suite's time. A module fixture builds it inside a transaction that is rolled back when the
module ends, and pytest-django still rolls each test's own changes back to a savepoint."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def built_once(django_db_blocker) -> Iterator[None]:
    """Open the database to a module fixture; whatever it builds is rolled back on exit."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
