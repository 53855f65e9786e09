"""`manage.py requeue_stale_tasks`: run every few minutes by the scheduler."""

from django.core.management.base import BaseCommand

from portal.worker.recovery import requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Queue again every task whose worker stopped (killed, machine lost) before it finished, "
        "and fail the ones that have already lost TASK_MAX_CLAIMS workers. Safe to run at any "
        "time, on any machine."
    )

    def handle(self, *args, **options) -> None:
        requeued, failed = requeue_stale_tasks()
        self.stdout.write(
            f"Queued {requeued} lost task{'' if requeued == 1 else 's'} again; failed {failed}."
        )
