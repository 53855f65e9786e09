"""Data built once for a whole test module instead of once per test.

Building the demo or a small portal takes seconds; doing it for every test was most of the
suite's time. A module fixture builds it inside a transaction that is rolled back when the
module ends, and pytest-django still rolls each test's own changes back to a savepoint."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.db import models, transaction


@contextmanager
def built_once(django_db_blocker) -> Iterator[None]:
    """Open the database to a module fixture; whatever it builds is rolled back on exit."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


Kept = dict[str, tuple[type[models.Model], object]]


def kept(objects: Mapping[str, models.Model]) -> Kept:
    """What a module fixture keeps of the objects it built: each one's class and primary key. A
    test given the instances themselves would see the changes an earlier test made to them in
    memory (a new revision, a new title) after the database rolled those back."""
    return {name: (type(obj), obj.pk) for name, obj in objects.items()}


def afresh(keys: Kept) -> dict[str, models.Model]:
    """The kept objects, read again from the database for one test."""
    return {name: model._default_manager.get(pk=pk) for name, (model, pk) in keys.items()}
