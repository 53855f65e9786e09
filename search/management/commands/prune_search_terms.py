"""`manage.py prune_search_terms`: delete search-term counts older than the retention period."""

import datetime
from typing import Any

from django.conf import settings
from django.core.management import BaseCommand
from django.utils import timezone

from ...models import SearchTermCount


class Command(BaseCommand):
    help = (
        "Delete daily search-term counts older than SEARCH_TERM_RETENTION_DAYS (or --days). Terms "
        "are anonymous, but people sometimes type names into a search box; run this daily."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else settings.SEARCH_TERM_RETENTION_DAYS
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        deleted, _ = SearchTermCount.objects.filter(day__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} search-term count(s) from before {cutoff:%d/%m/%Y}.")
