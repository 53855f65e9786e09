"""`manage.py purge_contributor_requests`: delete requests to become a contributor that were never
approved (waiting or turned down) once they are older than CONTRIBUTOR_REQUEST_RETENTION_DAYS.
Run it daily. Approved requests stay: they are the contributor's record of which school they
write for, and go when the account is deleted."""

from typing import Any

from django.conf import settings
from django.core.management import BaseCommand

from publishing.models import ContributorRequest


class Command(BaseCommand):
    help = "Delete contributor requests never approved and older than CONTRIBUTOR_REQUEST_RETENTION_DAYS."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted, _ = ContributorRequest.objects.expired().delete()
        days = settings.CONTRIBUTOR_REQUEST_RETENTION_DAYS
        self.stdout.write(
            f"Deleted {deleted} contributor request(s) older than {days} days that were not approved."
        )
