"""`manage.py import_resources FILE.csv [--skip-invalid] [--dry-run]`: resources from a spreadsheet."""

from pathlib import Path
from typing import Any

from django.core.management import BaseCommand, CommandError

from resources.models import ResourceIndexPage

from ...importer import OPTIONAL, REQUIRED, import_rows, read


class Command(BaseCommand):
    help = (
        "Create or update resource pages from a CSV file (saved from a spreadsheet as CSV UTF-8). "
        f"Required columns: {', '.join(REQUIRED)}; optional: {', '.join(OPTIONAL)}. Lists are "
        "separated by semicolons (benchmarks 5;6, key_stages KS4;KS5). Every row is checked first: "
        "with any bad row nothing is imported, unless --skip-invalid. Re-running updates rather "
        "than duplicates (matched on the id column, else on title and type)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--skip-invalid", action="store_true", help="Import the good rows anyway.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and import nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        index = ResourceIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no resource bank page to add resources to: create it first.")
        try:
            with options["file"].open(encoding="utf-8-sig", newline="") as file:
                report = read(file)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Could not read {options['file']}: {error}") from error
        for error in report.errors:
            self.stderr.write(str(error))
        self.stdout.write(f"{len(report.rows)} row(s) can be imported, {len(report.errors)} cannot.")
        if report.errors and not options["skip_invalid"]:
            raise CommandError("Nothing was imported. Fix the rows above, or use --skip-invalid.")
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was imported.")
            return
        import_rows(index, report)
        self.stdout.write(
            self.style.SUCCESS(f"Created {report.created}, updated {report.updated} resource(s).")
        )
