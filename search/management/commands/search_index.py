"""`manage.py search_index --rebuild | --check [--engine database|elasticsearch]`."""

from typing import Any

from django.core.management import BaseCommand, CommandError

from ...engines import Engine, database_engine, elasticsearch_engine, index_engines
from ...engines.elastic import ELASTICSEARCH_ERRORS
from ...maintenance import drift, expected_hashes, rebuild
from ...registry import all_documents

SHOWN_KEYS = 20


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes from the content (--rebuild; Elasticsearch fills a new index, "
        "then moves the alias to it) or report drift between the content and each index (--check: "
        "missing, stale and extra items; exits with an error if there is any)."
    )

    def add_arguments(self, parser: Any) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Rebuild the indexes.")
        action.add_argument("--check", action="store_true", help="Report drift; exit 1 if any.")
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index (default: every configured one).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        engines = self._engines(options["engine"])
        documents = list(all_documents())
        drifted = False
        for engine in engines:
            try:
                if options["rebuild"]:
                    count = rebuild(engine, documents)
                    self.stdout.write(self.style.SUCCESS(f"{engine.name}: indexed {count} items."))
                else:
                    drifted |= self._report(engine, expected_hashes(documents))
            except ELASTICSEARCH_ERRORS as error:
                raise CommandError(f"{engine.name}: {error}") from error
        if drifted:
            raise CommandError("The search index has drifted: run `manage.py search_index --rebuild`.")

    def _engines(self, choice: str) -> list[Engine]:
        if choice == "database":
            return [database_engine()]
        if choice == "elasticsearch":
            elasticsearch = elasticsearch_engine()
            if elasticsearch is None:
                raise CommandError("ELASTICSEARCH_URL is not set.")
            return [elasticsearch]
        return index_engines()

    def _report(self, engine: Engine, expected: dict[str, str]) -> bool:
        found = drift(expected, engine.indexed_hashes())
        if found.clean:
            self.stdout.write(self.style.SUCCESS(f"{engine.name}: in step ({len(expected)} items)."))
            return False
        for label, keys in (("missing", found.missing), ("stale", found.stale), ("extra", found.extra)):
            if keys:
                shown = ", ".join(keys[:SHOWN_KEYS]) + (" …" if len(keys) > SHOWN_KEYS else "")
                self.stdout.write(self.style.WARNING(f"{engine.name}: {len(keys)} {label}: {shown}"))
        return True
