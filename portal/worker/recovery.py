"""Tasks whose worker died are run again.

`db_worker` marks a task RUNNING when it claims it and finished when it ends. A worker that is
killed (out of memory, a deploy, a lost machine) leaves its task RUNNING for ever, and django-tasks-db
never looks at it again. Every task in this project is safe to run twice (emails are claimed once
by the outbox, index writes and builds read the current state when they run), so a task that has
been running far longer than any task takes is put back in the queue for another worker.

A task that has already been claimed `TASK_MAX_CLAIMS` times is marked failed instead: if it is
what kills its workers, running it again would kill the next one too."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

LOST = "portal.worker.recovery.WorkerLost"


def stale_before(now: datetime.datetime | None = None) -> datetime.datetime:
    """Tasks started before this moment are taken to have lost their worker."""
    return (now or timezone.now()) - datetime.timedelta(minutes=settings.TASK_STALE_MINUTES)


@transaction.atomic
def requeue_stale_tasks(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Put every task whose worker was lost back in the queue, or fail it once it has used up its
    claims; return (queued again, failed). Safe to run on several machines at once: rows are
    locked and skipped by a concurrent run."""
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=stale_before(now))
    requeued = failed = 0
    for result in stale.select_for_update(skip_locked=True).only("id", "task_path", "worker_ids"):
        spent = len(result.worker_ids) >= settings.TASK_MAX_CLAIMS
        if spent:
            _fail(result)
            failed += 1
        else:
            # Same row, same arguments: the next worker's claim adds its id to `worker_ids`.
            DBTaskResult.objects.filter(pk=result.pk).update(status=TaskResultStatus.READY, started_at=None)
            requeued += 1
        logger.warning(
            "Task %s (%s) lost its worker %s: %s",
            result.pk,
            result.task_path,
            result.worker_ids[-1:] or "?",
            "failed" if spent else "queued again",
        )
    return requeued, failed


def _fail(result: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=LOST,
        traceback=(
            f"Claimed by {len(result.worker_ids)} workers ({', '.join(result.worker_ids)}) and "
            f"never finished: not run again."
        ),
    )
