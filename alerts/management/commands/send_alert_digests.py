from django.core.management.base import BaseCommand

from alerts.digests import send_digests


class Command(BaseCommand):
    """Queue the due email alert digests (run daily by the scheduler; a rerun sends nothing twice)."""

    help = __doc__

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Queued {send_digests()} alert digests.")
