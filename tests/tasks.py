"""Running queued background tasks inside a test, as `manage.py db_worker` would."""

import datetime

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

# When the running test began (set by tests/conftest.py): run_tasks() runs only the tasks queued
# since, so rows another test left behind (a transactional test's restored data) are not run here.
test_started: datetime.datetime | None = None


def commit() -> None:
    """In a test wrapped in a transaction, do what the commit would: run (once) the on-commit
    callbacks registered so far, which is where delivery tasks are queued."""
    while connection.run_on_commit:
        pending = list(connection.run_on_commit)
        connection.run_on_commit.clear()
        for _savepoints, callback, _robust in pending:
            callback()


def run_tasks(
    *, later: datetime.timedelta = datetime.timedelta(0), limit: int = 1000, path_suffix: str = ""
) -> int:
    """Commit (see commit()), then run every task that is ready (and every deferred one due
    within `later`), including the tasks those tasks queue, through the worker's own code;
    return how many ran. `path_suffix` runs only the tasks whose path ends with it. The worker's loop is not used because it closes the database
    connection, which would end the test's transaction."""
    if connection.in_atomic_block:
        commit()
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        due = timezone.now() + later
        result = DBTaskResult.objects.filter(
            Q(run_after__lte=due) | Q(run_after=get_date_max()),
            status="READY",
            task_path__endswith=path_suffix,
            enqueued_at__gte=test_started or datetime.datetime.min.replace(tzinfo=datetime.UTC),
        ).first()
        if result is None:
            return ran
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
        result.refresh_from_db()
        if result.status == "FAILED":
            raise AssertionError(f"Task {result.task_path} failed:\n{result.traceback}")
    raise AssertionError(f"More than {limit} tasks: a task keeps queuing itself?")


def queued_tasks(path_suffix: str = "") -> list[DBTaskResult]:
    """Tasks waiting to run whose task path ends with `path_suffix`."""
    return [
        result
        for result in DBTaskResult.objects.filter(status="READY")
        if result.task_path.endswith(path_suffix)
    ]
