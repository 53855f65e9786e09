"""`manage.py requeue_email`: run every few minutes by the scheduler."""

from django.core.management.base import BaseCommand

from portal.outbox.delivery import requeue_due


class Command(BaseCommand):
    help = (
        "Queue a delivery task for every email whose task was lost: overdue in the queue, or "
        "claimed by a worker that stopped (killed, machine lost) before it finished. Safe to run "
        "at any time, on any machine: a message is still sent at most once."
    )

    def handle(self, *args, **options) -> None:
        count = requeue_due()
        self.stdout.write(f"Queued {count} email{'' if count == 1 else 's'} again.")
