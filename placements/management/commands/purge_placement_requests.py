"""`manage.py purge_placement_requests`: remove requesters' contact details (and any free text that
could identify someone) from requests for places whose window ended more than
PLACEMENT_REQUEST_RETENTION_MONTHS ago. The requests stay, with their counts, year groups, school
and status, for reporting. Run it daily (cron or a scheduled task)."""

from typing import Any

from django.conf import settings
from django.core.management import BaseCommand

from placements.booking import purge_contact_details, retention_cutoff
from placements.models import PlacementRequest


class Command(BaseCommand):
    help = "Remove contact details from requests for places once the retention period has passed."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Months after the window ends (default: PLACEMENT_REQUEST_RETENTION_MONTHS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be removed; change nothing."
        )

    def handle(self, *args: Any, months: int | None, dry_run: bool, **options: Any) -> None:
        months = settings.PLACEMENT_REQUEST_RETENTION_MONTHS if months is None else months
        cutoff = retention_cutoff(months)
        if dry_run:
            due = PlacementRequest.objects.filter(window__end_date__lt=cutoff, purged_at__isnull=True).count()
            self.stdout.write(
                f"{due} request(s) for windows that ended before {cutoff:%d/%m/%Y} would be purged."
            )
            return
        purged = purge_contact_details(cutoff)
        self.stdout.write(
            f"Removed contact details from {purged} request(s) for windows that ended before {cutoff:%d/%m/%Y}."
        )
