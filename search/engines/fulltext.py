"""Full-text matching for the database engine, one class per database (see migration 0002).

Why not Wagtail's own database search backend: it keeps its own index per model, cannot be joined
to the facet columns in one SQL statement (facet counts need the matching set as a subquery), does
no stemming on SQLite, and its query parser fails on a lone `"`. Both classes here index the
stems from search/text.py and build queries only from those stems (letters and digits), so no
input can produce a syntax error."""

from collections.abc import Callable, Sequence

from django.db import connection, transaction

from ..text import INDEXED_FIELDS, Clause, Phrase, Terms, find_synonyms, synonym_token

Sql = tuple[str, list]
# The ids of the entries already known to match, if facets narrowed them (None if not). A
# function, so that an engine which cannot use them never pays for listing them.
Among = Callable[[], Sequence[int] | None]


class SqliteFullText:
    """An FTS5 table; relevance is its `rank` column, set by migration 0002 to bm25 with the
    title counting most (ordering by `rank` lets FTS5 sort inside the index)."""

    table = "portal_search_fulltext"

    def write(self, rows: Sequence[tuple[int, Terms]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} (rowid, title, summary, labels, body) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                [(pk, *(" ".join(getattr(t, f)) for f in INDEXED_FIELDS)) for pk, t in rows],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608

    def expression(
        self, clauses: Sequence[Clause], *, any_clause: bool = False, title_only: bool = False
    ) -> str:
        def phrase(p: Phrase) -> str:
            return '"' + " ".join(p) + '"'

        parts = ["(" + " OR ".join(phrase(p) for p in c.alternatives) + ")" for c in clauses]
        expression = (" OR " if any_clause else " AND ").join(parts)
        return f"{{title}} : ({expression})" if title_only else expression

    def matches(self, expression: str) -> Sql:
        """A query for the ids of the entries that match `expression`."""
        return f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s", [expression]  # noqa: S608

    def match_ids(self, expression: str) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(*self.matches(expression))
            return [pk for (pk,) in cursor.fetchall()]

    def restrict(self, expression: str) -> Sql:
        """A condition on the entry alias `e`: it matches `expression`."""
        sql, params = self.matches(expression)
        return f"e.id IN ({sql})", params

    def ranked(self, expression: str, among: Among = lambda: None) -> tuple[Sql, Sql, Sql]:
        """(FROM, WHERE, ORDER BY) for hits in order of relevance. FTS5 ranks inside its index,
        which needs the MATCH, so `among` is never asked."""
        return (
            (f"{self.table} JOIN portal_search_searchentry e ON e.id = {self.table}.rowid", []),
            (f"{self.table} MATCH %s", [expression]),
            (f"{self.table}.rank", []),
        )


class PostgresFullText:
    """Two tsvectors per entry (see migration 0002): `fulltext` with every field (title A,
    summary B, labels C, body D) to match, `ranking` with title and summary to order by
    ts_rank_cd, which rewards the words of a query close together. Ranking on the small vector
    keeps relevance cheap when thousands of items match; the body still decides what matches."""

    table = "portal_search_fulltext"
    weights = {"title": "A", "summary": "B", "labels": "C", "body": "D"}
    max_position = 16_383  # PostgreSQL's limit
    max_positions_per_word = 255

    def _vector(self, terms: Terms, fields: tuple[str, ...] = INDEXED_FIELDS) -> str:
        """A tsvector literal with explicit positions and weights, so PostgreSQL applies no
        parser or dictionary of its own. Fields are a position apart, so phrases never span two."""
        positions: dict[str, list[str]] = {}
        position = 0
        for name in fields:
            stems = getattr(terms, name)
            # A synonym phrase also gets its group's token, at the phrase's first position.
            synonyms = {start: synonym_token(group) for start, _, group in find_synonyms(stems)}
            for i, term in enumerate(stems):
                position += 1
                if position > self.max_position:
                    break
                for lexeme in (term, synonyms.get(i)):
                    held = positions.setdefault(lexeme, []) if lexeme else None
                    if held is not None and len(held) < self.max_positions_per_word:
                        held.append(f"{position}{self.weights[name]}")
            position += 1
        return " ".join(f"'{self._quote(term)}':{','.join(held)}" for term, held in positions.items())

    @staticmethod
    def _quote(term: str) -> str:
        return term.replace("\\", "\\\\").replace("'", "''")

    def write(self, rows: Sequence[tuple[int, Terms]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} (entry_id, fulltext, ranking) VALUES (%s, %s::tsvector, %s::tsvector)",  # noqa: S608
                [(pk, self._vector(terms), self._vector(terms, ("title", "summary"))) for pk, terms in rows],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608

    def expression(
        self, clauses: Sequence[Clause], *, any_clause: bool = False, title_only: bool = False
    ) -> str:
        weight = ":A" if title_only else ""

        def phrase(p: Phrase) -> str:
            return " <-> ".join(f"'{self._quote(term)}'{weight}" for term in p)

        def clause(c: Clause) -> str:
            # A synonym group is one indexed token: no phrase for PostgreSQL to check row by row.
            if c.group is not None:
                return f"'{synonym_token(c.group)}'{weight}"
            return "(" + " | ".join(phrase(p) for p in c.alternatives) + ")"

        return (" | " if any_clause else " & ").join(clause(c) for c in clauses)

    def matches(self, expression: str) -> Sql:
        return f"SELECT entry_id FROM {self.table} WHERE fulltext @@ %s::tsquery", [expression]  # noqa: S608

    def match_ids(self, expression: str) -> list[int]:
        """The ids of the entries that match, always through the GIN index. For a common word
        (in a fifth of 50,000 entries) the planner prefers a sequential scan, costing `@@` as one
        cheap operator per row; but a scan reads and decompresses every entry's whole vector,
        which the index never touches, so the scan is several times slower (bench/README.md)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(*self.matches(expression))
            ids = [pk for (pk,) in cursor.fetchall()]
            # Inside a caller's transaction a SET LOCAL would outlive this query (after an error,
            # rolling back to the savepoint undoes it).
            cursor.execute("SET LOCAL enable_seqscan = DEFAULT")
            return ids

    def restrict(self, expression: str) -> Sql:
        sql, params = self.matches(expression)
        return f"e.id IN ({sql})", params

    def ranked(self, expression: str, among: Among = lambda: None) -> tuple[Sql, Sql, Sql]:
        """(FROM, WHERE, ORDER BY) for hits in order of relevance. When facets narrowed the
        match (`among`), only those entries are ranked, by primary key, instead of matching and
        ranking every entry with the words and filtering after (bench/README.md has the figures
        for a common word narrowed to a thousand entries at 50,000)."""
        narrowed = among()
        match = ("f.entry_id = ANY(%s)", [list(narrowed)]) if narrowed is not None else None
        return (
            (f"{self.table} f JOIN portal_search_searchentry e ON e.id = f.entry_id", []),
            match or ("f.fulltext @@ %s::tsquery", [expression]),
            # Items matching only in their body rank 0: newest of those first.
            ("ts_rank_cd(f.ranking, %s::tsquery) DESC, e.date DESC NULLS LAST, e.id", [expression]),
        )


def fulltext_for_database() -> SqliteFullText | PostgresFullText:
    if connection.vendor == "postgresql":
        return PostgresFullText()
    if connection.vendor == "sqlite":
        return SqliteFullText()
    raise NotImplementedError(
        f"The database search engine supports SQLite and PostgreSQL, not {connection.vendor}."
    )
