from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.reminders import remind_confirmations, remind_waiting_requests


class Command(BaseCommand):
    """Remind host teams of listings due for confirmation and of requests waiting 5 working days
    (run daily by the scheduler; each reminder's key makes a rerun send nothing twice)."""

    help = __doc__

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        listings = remind_confirmations(timezone.localdate(now))
        requests = remind_waiting_requests(now)
        self.stdout.write(f"Queued {listings} confirmation and {requests} waiting-request reminders.")
