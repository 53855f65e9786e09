"""`manage.py prebuild`: queue the builds visitors are served from."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from directory import booklet
from portal.listings.index_builds import rebuild_listings


class Command(BaseCommand):
    """Queue (or with --now, run here) a build of every listing's facet index and of every booklet
    PDF. Changes queue these by themselves; run it after a deploy, after the cache was emptied, and
    each night just after midnight, when the placements directory and the booklet move on a day
    with nothing saved. Each build is skipped when its latest one is current."""

    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="build in this process, not in the worker")

    def handle(self, *args: Any, now: bool = False, **options: Any) -> None:
        if now:
            built = rebuild_listings.call(everything=True)
            self.stdout.write(f"Facet indexes built: {', '.join(built) or 'none (all current)'}")
            for code in booklet.phase_keys():
                self.stdout.write(f"Booklet ({code or 'all'}): {booklet.build_booklet_pdf.call(code)}")
            return
        rebuild_listings.enqueue(everything=True)
        booklet.schedule()
        self.stdout.write("Queued: facet indexes and booklets.")
