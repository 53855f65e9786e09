"""`manage.py search_index --rebuild | --check | --verify [--engine database|elasticsearch]`."""

import uuid
from typing import Any

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from elasticsearch.helpers import BulkIndexError

from ...contract import SearchQuery
from ...engines import Engine, database_engine, elasticsearch_engine, index_engines
from ...engines.cases import CASES, CORPUS, TITLES, CaseFailed, Outcome
from ...engines.elastic import ELASTICSEARCH_ERRORS, ElasticsearchEngine
from ...maintenance import drift, expected_hashes, rebuild
from ...registry import all_documents

SHOWN_KEYS = 20


def describe(error: BaseException) -> str:
    """An Elasticsearch error in one line: a failed bulk write names its first failure."""
    if isinstance(error, BulkIndexError) and error.errors:
        (op_type, item), *_ = error.errors[0].items()
        reason = item.get("error", {})
        reason = reason.get("reason", reason) if isinstance(reason, dict) else reason
        return f"{error} First: {op_type} {item.get('_id', '')} ({item.get('status')}): {reason}"
    return str(error) or type(error).__name__


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes from the content (--rebuild; Elasticsearch fills a new index, "
        "then moves the alias to it), report drift between the content and each index (--check: "
        "missing, stale and extra items; exits with an error if there is any), or check that the "
        "Elasticsearch cluster gives the answers the contract asks for (--verify: a temporary "
        "index of a small fixed corpus, deleted afterwards; the live index is not touched)."
    )

    def add_arguments(self, parser: Any) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Rebuild the indexes.")
        action.add_argument("--check", action="store_true", help="Report drift; exit 1 if any.")
        action.add_argument(
            "--verify",
            action="store_true",
            help="Run the contract's cases on the cluster; exit 1 if any fails.",
        )
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index (default: every configured one).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verify"]:
            self._verify()
            return
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
                raise CommandError(f"{engine.name}: {describe(error)}") from error
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

    # --verify -------------------------------------------------------------------------

    def _verify(self) -> None:
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set.")
        prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-verify-{uuid.uuid4().hex[:8]}"
        engine = ElasticsearchEngine.from_settings(prefix=prefix)
        try:
            engine.rebuild(CORPUS, current=None)
            failed = sum(not self._run(engine, case.name, case.run) for case in CASES)
        except ELASTICSEARCH_ERRORS as error:
            raise CommandError(f"elasticsearch: could not build the test index: {describe(error)}") from error
        finally:
            self._drop(engine)
        if failed:
            raise CommandError(f"{failed} of {len(CASES)} cases failed on {settings.ELASTICSEARCH_URL}.")
        self.stdout.write(self.style.SUCCESS(f"All {len(CASES)} cases passed."))

    def _run(self, engine: ElasticsearchEngine, name: str, run: Any) -> bool:
        def find(**params: str) -> Outcome:
            query, _ = SearchQuery.from_params({key: [value] for key, value in params.items()})
            answer = engine.answer(query)
            return Outcome(
                titles=[TITLES.get(key, key) for key in answer.keys],
                total=answer.total,
                facets={
                    param: {o.value: (o.count, o.selected) for o in options}
                    for param, options in answer.facets.items()
                },
            )

        try:
            run(find)
        except CaseFailed as failure:
            self.stdout.write(self.style.ERROR(f"FAIL  {name}: {failure}"))
            return False
        except ELASTICSEARCH_ERRORS as error:
            self.stdout.write(self.style.ERROR(f"FAIL  {name}: Elasticsearch: {describe(error)}"))
            return False
        self.stdout.write(self.style.SUCCESS(f"PASS  {name}"))
        return True

    def _drop(self, engine: ElasticsearchEngine) -> None:
        try:
            engine.drop()
        except ELASTICSEARCH_ERRORS as error:
            self.stderr.write(f"Could not delete the test index behind {engine.alias}: {describe(error)}")
