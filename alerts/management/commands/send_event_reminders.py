import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from alerts.day_before import send_day_before


class Command(BaseCommand):
    """Queue the reminders for tomorrow's events and open days (run several times a day by the
    scheduler; a sent reminder is deleted and its key is unique, so a rerun sends nothing twice)."""

    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="The day to send as, YYYY-MM-DD (default: today): reminders go for the day after it.",
        )

    def handle(self, *args, date: datetime.date | None = None, **options) -> None:
        today = date or timezone.localdate()
        self.stdout.write(f"Queued {send_day_before(today)} event reminders.")
