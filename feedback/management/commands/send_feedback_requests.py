"""`manage.py send_feedback_requests`: run daily by the scheduler."""

from typing import Any

from django.core.management import BaseCommand

from feedback.invitations import ask_due


class Command(BaseCommand):
    help = (
        "Email a feedback link to whoever asked for places, for placements that have just ended (once each)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = ask_due()
        self.stdout.write(f"Feedback requests queued or already sent: {count}.")
