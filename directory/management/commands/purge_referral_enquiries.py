"""`manage.py purge_referral_enquiries`: removes the school contact's details (name, role, email,
phone and what they wrote) from referral enquiries older than DIRECTORY_ENQUIRY_RETENTION_MONTHS,
and the school or setting typed in when it was not on the schools list (free text, which can be a
family's name when a child is educated at home). The enquiry itself stays, with its service, its
reference to the schools list (if one was chosen), dates and who responded, so the counts and
median response times in the admin report are unchanged. Run it daily."""

import calendar
import datetime
from typing import Any

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from directory.models import ReferralEnquiry

CONTACT_FIELDS = {
    "contact_name": "",
    "contact_role": "",
    "email": "",
    "phone": "",
    "support_sought": "",
    "school_name": "",
}


def retention_cutoff(months: int, now: datetime.datetime | None = None) -> datetime.datetime:
    """The moment `months` calendar months ago (on the last day of a shorter month if need be)."""
    now = now or timezone.now()
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))


class Command(BaseCommand):
    help = "Remove contact details from referral enquiries older than the retention period, keeping counts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Retention in months (default: the DIRECTORY_ENQUIRY_RETENTION_MONTHS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be removed; change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        months = (
            options["months"]
            if options["months"] is not None
            else settings.DIRECTORY_ENQUIRY_RETENTION_MONTHS
        )
        if months < 1:
            raise CommandError("The retention period must be at least 1 month.")
        cutoff = retention_cutoff(months)
        due = ReferralEnquiry.objects.filter(created_at__lt=cutoff, contact_details_removed_at__isnull=True)
        if options["dry_run"]:
            self.stdout.write(
                f"{due.count()} enquiries older than {months} months would lose their contact details."
            )
            return
        with transaction.atomic():
            removed = due.update(**CONTACT_FIELDS, contact_details_removed_at=timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed contact details from {removed} enquiries older than {months} months."
            )
        )
