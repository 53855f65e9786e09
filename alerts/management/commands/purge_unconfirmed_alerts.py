from django.core.management.base import BaseCommand

from alerts.digests import purge_unconfirmed


class Command(BaseCommand):
    """Delete email alerts not confirmed within 48 hours (run hourly or daily by the scheduler)."""

    help = __doc__

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Deleted {purge_unconfirmed()} unconfirmed alerts.")
