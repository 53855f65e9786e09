"""`manage.py purge_host_applications`: delete declined applications to host once
HOST_APPLICATION_RETENTION_DAYS have passed since the decision (run daily). Approved ones stay as
the record of the employer's safeguarding answers."""

from typing import Any

from django.core.management import BaseCommand

from hosts.models import HostApplication


class Command(BaseCommand):
    help = "Delete declined applications to host after the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted, _ = HostApplication.objects.expired().delete()
        self.stdout.write(f"Deleted {deleted} declined application{'s' if deleted != 1 else ''} to host.")
