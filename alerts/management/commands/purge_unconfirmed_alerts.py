from django.core.management.base import BaseCommand

from alerts.day_before import purge_past
from alerts.digests import purge_unconfirmed


class Command(BaseCommand):
    """Delete email alerts and reminders not confirmed within 48 hours, and reminders whose event
    or open day has passed (run hourly by the scheduler)."""

    help = __doc__

    def handle(self, *args, **options) -> None:
        unconfirmed, past = purge_unconfirmed(), purge_past()
        self.stdout.write(
            f"Deleted {unconfirmed} unconfirmed alerts and reminders, {past} reminders whose day has passed."
        )
