"""`manage.py purge_shortlist_packs`: run daily by the scheduler."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from shortlists import packs


class Command(BaseCommand):
    help = (
        f"Delete shortlist packs (PDFs in the default storage under {packs.FOLDER}/) stored more than "
        f"{packs.RETENTION_DAYS} days ago: a pack still asked for is built again."
    )

    def handle(self, *args, **options) -> None:
        count = packs.purge(timezone.now() - datetime.timedelta(days=packs.RETENTION_DAYS))
        self.stdout.write(f"Deleted {count} pack{'' if count == 1 else 's'}.")
