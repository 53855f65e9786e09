"""`manage.py purge_outbox`: run daily by the scheduler."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.outbox.delivery import purge


class Command(BaseCommand):
    help = (
        "Delete sent and abandoned emails older than OUTBOX_RETENTION_DAYS: they hold names and "
        "addresses. Messages still waiting to be sent are kept."
    )

    def handle(self, *args, **options) -> None:
        cutoff = timezone.now() - datetime.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
        count = purge(cutoff)
        self.stdout.write(f"Deleted {count} email{'' if count == 1 else 's'}.")
