"""The database engine: the embedded default, on SQLite and PostgreSQL.

A search runs a fixed number of queries whatever the size of the index: the index version (facet
bitsets are rebuilt only when it changed), at most four vocabulary look-ups for typos, the ids of
the matching entries, the page of result keys and the hits to show (and the match again, relaxed,
when no item has every word)."""

import difflib
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from django.db import connection, transaction
from django.db.models import F

from portal.listings.facets import MAX_VALUES_PER_FACET, Option

from ..contract import SearchQuery, SearchResults
from ..models import (
    BIT_CODES,
    SearchEntry,
    SearchEntryContent,
    SearchEntryTag,
    SearchIndexState,
    SearchWord,
    to_bits,
)
from ..registry import IndexDocument
from ..text import Clause, ParsedQuery, corrected_text, fold, parse, stem, words
from .bitsets import FacetCounts, facet_bitsets
from .fulltext import Sql, Terms, fulltext_for_database
from .hits import load_hits

MAX_CORRECTIONS = 3
MIN_CORRECTABLE_LENGTH = 4
MAX_VOCABULARY_POOL = 5_000
INSERT_BATCH = 1_000
# The most matches a listing narrows to (Elasticsearch answers no more in one request).
MAX_KEYS = 10_000
ENTRY = SearchEntry._meta.db_table
TAG = SearchEntryTag._meta.db_table


class Vocabulary:
    """The words in the index, for typo tolerance. A word the index has never seen is replaced by
    the closest indexed word: same first letter (typos rarely change it, and it keeps the
    candidates few), at most the edits Elasticsearch's `fuzziness: AUTO` allows (1 for 3-5
    letters, 2 for more), and of equally close words the one most entries use ("carrers" is
    "careers", not "carers")."""

    def correct(self, query_words: list[str]) -> dict[str, str]:
        candidates = [
            w for w in dict.fromkeys(query_words) if len(w) >= MIN_CORRECTABLE_LENGTH and w.isalpha()
        ]
        if not candidates:
            return {}
        stems = {stem(w) for w in candidates}
        known = set(SearchWord.objects.filter(stem__in=stems).values_list("stem", flat=True))
        corrections = {}
        for word in [w for w in candidates if stem(w) not in known][:MAX_CORRECTIONS]:
            if best := self._closest(word):
                corrections[word] = best
        return corrections

    @staticmethod
    def _closest(word: str) -> str | None:
        allowed = 1 if len(word) <= 5 else 2
        pool = dict(
            SearchWord.objects.filter(
                initial=word[0], length__range=(len(word) - allowed, len(word) + allowed)
            ).values_list("word", "entries")[:MAX_VOCABULARY_POOL]
        )
        near = difflib.get_close_matches(word, list(pool), n=10, cutoff=0.6)
        ranked = sorted((edit_distance(word, w), -pool[w], w) for w in near)
        return ranked[0][2] if ranked and ranked[0][0] <= allowed else None

    @staticmethod
    def completions(prefix: str, limit: int = 20) -> list[str]:
        """Stems of the most used words that start with `prefix`."""
        return list(
            SearchWord.objects.filter(word__startswith=prefix)
            .order_by("-entries", "word")
            .values_list("stem", flat=True)[:limit]
        )

    @staticmethod
    def words_of(title: str, summary: str, body: str) -> set[str]:
        return {w for w in words(f"{title} {summary} {body}") if w.isalpha()}

    @staticmethod
    def count(changes: Counter) -> None:
        """Apply changes in how many entries use each word (+1 for each entry added, -1 for each
        removed); words no entry uses any more are forgotten."""
        added = [w for w, n in changes.items() if n > 0]
        for chunk in _chunks(added):
            SearchWord.objects.bulk_create(
                [SearchWord(word=w, stem=stem(w), initial=w[0], length=len(w)) for w in chunk],
                ignore_conflicts=True,
            )
        by_change: dict[int, list[str]] = defaultdict(list)
        for word, n in changes.items():
            if n:
                by_change[n].append(word)
        for n, changed in by_change.items():
            for chunk in _chunks(changed):
                SearchWord.objects.filter(word__in=chunk).update(entries=F("entries") + n)
        SearchWord.objects.filter(entries__lte=0).delete()


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a swap of two letters is one edit."""
    previous, current = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[-1]


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _placeholders(values: Sequence) -> str:
    return ", ".join(["%s"] * len(values))


def facet_condition(param: str, values: Sequence[str]) -> Sql:
    """SQL (on the entry alias `e`) that is true when an entry has any of `values` for the facet."""
    if param in BIT_CODES:
        return f"(e.{param}_bits & %s) <> 0", [to_bits(param, tuple(values))]
    if param == "type":
        return f"e.search_type IN ({_placeholders(values)})", list(values)
    if param == "places":
        return "e.has_places_left = %s", [True]
    if param == "tag":
        return f"e.id IN (SELECT entry_id FROM {TAG} WHERE slug IN ({_placeholders(values)}))", list(values)  # noqa: S608
    raise ValueError(f"Unknown facet {param}")


def join(parts: Iterable[Sql], separator: str = " AND ") -> Sql:
    parts = [p for p in parts if p[0]]
    if not parts:
        return "1 = 1", []
    return separator.join(f"({sql})" for sql, _ in parts), [v for _, params in parts for v in params]


@dataclass(frozen=True)
class Filters:
    """The ticked facet values as SQL conditions."""

    conditions: Mapping[str, Sql]

    @classmethod
    def of(cls, selected: Mapping[str, tuple[str, ...]]) -> "Filters":
        return cls({param: facet_condition(param, values) for param, values in selected.items() if values})

    def all(self) -> Sql:
        return join(self.conditions.values())


class DatabaseEngine:
    """Search and index on the database (see the module docstring of search.models)."""

    name = "database"

    def __init__(self) -> None:
        self.fulltext = fulltext_for_database()
        self.vocabulary = Vocabulary()

    # Indexing ---------------------------------------------------------------------------

    @staticmethod
    def _touch() -> None:
        """A new index version: every process rebuilds its facet bitsets before its next count."""
        SearchIndexState.objects.update_or_create(pk=1, defaults={"version": uuid.uuid4().hex})

    def upsert(self, documents: Sequence[IndexDocument]) -> None:
        with transaction.atomic():
            self._touch()
            changes = self._remove([d.key for d in documents])
            for document in documents:
                changes.update(Vocabulary.words_of(document.title, document.summary, document.body))
            self._insert(documents)
            self.vocabulary.count(changes)

    def delete(self, keys: Sequence[str]) -> None:
        with transaction.atomic():
            self._touch()
            self.vocabulary.count(self._remove(keys))

    @staticmethod
    def _remove(keys: Sequence[str]) -> Counter:
        """Delete the entries with these keys; the word counts to take away."""
        changes: Counter = Counter()
        old = SearchEntryContent.objects.filter(entry__key__in=list(keys))
        for title, summary, body in old.values_list("title", "summary", "body"):
            changes.subtract(Vocabulary.words_of(title, summary, body))
        SearchEntry.objects.filter(key__in=list(keys)).delete()
        return changes

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Replace the whole index in one transaction: searches see the old index until it commits."""
        with transaction.atomic():
            self._touch()
            self.fulltext.clear()
            # Plain DELETEs: Django's delete() would load every row to send signals.
            with connection.cursor() as cursor:
                for model in (SearchEntryTag, SearchEntryContent, SearchEntry, SearchWord):
                    cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608
            used: Counter = Counter()
            batch: list[IndexDocument] = []
            for document in documents:
                batch.append(document)
                used.update(Vocabulary.words_of(document.title, document.summary, document.body))
                if len(batch) == INSERT_BATCH:
                    self._insert(batch)
                    batch = []
            self._insert(batch)
            self.vocabulary.count(used)
            return SearchEntry.objects.count()

    def _insert(self, documents: Sequence[IndexDocument]) -> None:
        entries = SearchEntry.objects.bulk_create([entry_for(d) for d in documents], batch_size=INSERT_BATCH)
        SearchEntryContent.objects.bulk_create(
            [content_for(e, d) for e, d in zip(entries, documents, strict=True)], batch_size=INSERT_BATCH
        )
        SearchEntryTag.objects.bulk_create(
            [
                SearchEntryTag(entry_id=entry.pk, slug=slug, name=name)
                for entry, document in zip(entries, documents, strict=True)
                for slug, name in document.tags
            ],
            batch_size=INSERT_BATCH,
        )
        self.fulltext.write([(e.pk, Terms.of(d)) for e, d in zip(entries, documents, strict=True)])

    def indexed_hashes(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "doc_hash"))

    # Searching --------------------------------------------------------------------------

    def parse(self, text: str) -> ParsedQuery:
        return parse(text, correct=self.vocabulary.correct) if text else ParsedQuery()

    def search(self, query: SearchQuery) -> SearchResults:
        parsed = self.parse(query.text)
        filters = Filters.of(query.selected())
        expression = self.fulltext.expression(parsed.clauses) if parsed.has_terms else None
        counts = self._counts(expression, query)
        relaxed = False
        if counts.total == 0 and len(parsed.clauses) > 1:
            any_expression = self.fulltext.expression(parsed.clauses, any_clause=True)
            any_counts = self._counts(any_expression, query)
            if any_counts.total:
                expression, counts, relaxed = any_expression, any_counts, True
        num_pages = max(1, -(-counts.total // query.page_size))
        page_query = query if query.page <= num_pages else replace(query, page=num_pages)
        keys = self._page_keys(page_query, expression, filters, counts) if counts.total else []
        return SearchResults(
            query=page_query,
            hits=load_hits(keys, parsed.stems),
            total=counts.total,
            facets=counts.options(query),
            engine=self.name,
            suggestion=corrected_text(query.text, parsed.corrections) if parsed.corrections else None,
            corrected=bool(parsed.corrections),
            relaxed=relaxed,
        )

    def keys(self, query: SearchQuery, limit: int = MAX_KEYS) -> list[str]:
        """The keys of every item matching the query's words and types (in no particular order,
        at most `limit`): a listing narrows its own facets and order to them (portal.listings).
        Typos are corrected as in a search; with no words there is nothing to narrow to."""
        parsed = self.parse(query.text)
        if not parsed.has_terms:
            return []
        ids = self.fulltext.match_ids(self.fulltext.expression(parsed.clauses))
        entries = SearchEntry.objects.filter(pk__in=ids)
        if query.types:
            entries = entries.filter(search_type__in=query.types)
        return list(entries.values_list("key", flat=True)[:limit])

    def _text_condition(self, expression: str | None) -> Sql:
        return self.fulltext.restrict(expression) if expression else ("", [])

    def _counts(self, expression: str | None, query: SearchQuery) -> FacetCounts:
        """The total and every facet's counts (see search/engines/bitsets.py)."""
        bitsets = facet_bitsets()
        if expression is None:
            return bitsets.count(bitsets.everything, query.selected())
        match = bitsets.matching(self.fulltext.match_ids(expression))
        return bitsets.count(match, query.selected())

    def _page_keys(
        self, query: SearchQuery, expression: str | None, filters: Filters, counts: FacetCounts
    ) -> list[str]:
        """The keys of the page of hits, in order."""
        if expression and query.order == "relevance":
            # The engine's own relevance order (FTS5 sorts by `rank` inside the index).
            source, text, order = self.fulltext.ranked(expression, among=counts.narrowed_to)
        else:
            source, text = (f"{ENTRY} e", []), self._text_condition(expression)
            sort = (
                "e.title_sort, e.id"
                if query.order == "title"
                else "e.date DESC NULLS LAST, e.title_sort, e.id"
            )
            order = (sort, [])
        where = join([text, filters.all()])
        sql = f"SELECT e.key FROM {source[0]} WHERE {where[0]} ORDER BY {order[0]} LIMIT %s OFFSET %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, source[1] + where[1] + order[1] + [query.page_size, query.offset])
            return [key for (key,) in cursor.fetchall()]

    # Search as you type -----------------------------------------------------------------

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]:
        """Titles that start to match what has been typed so far: the last word may be unfinished,
        so it matches any indexed word it begins."""
        typed = words(text)[-6:]
        if not typed:
            return []
        completions = self.vocabulary.completions(typed[-1])
        if not completions:
            return []
        parsed = parse(" ".join(typed[:-1]))
        clauses = [*parsed.clauses, _any_of(completions)]
        source, where, order = self.fulltext.ranked(self.fulltext.expression(clauses, title_only=True))
        sql = f"SELECT e.key FROM {source[0]} WHERE {where[0]} ORDER BY {order[0]} LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, source[1] + where[1] + order[1] + [limit])
            keys = [key for (key,) in cursor.fetchall()]
        return [{"title": h.title, "url": h.url, "type_label": h.type_label} for h in load_hits(keys, ())]


def _any_of(stems: list[str]) -> Clause:
    return Clause(tuple(stems), tuple((s,) for s in dict.fromkeys(stems)))


def tag_options(rows: Iterable[tuple[str, str, int]], selected: Sequence[str]) -> list[Option]:
    """The most used tags (and any ticked tag, so it can be unticked) as options."""
    ranked = sorted(rows, key=lambda row: (-row[2], row[0]))
    shown = ranked[:MAX_VALUES_PER_FACET]
    shown += [row for row in ranked[MAX_VALUES_PER_FACET:] if row[0] in selected]
    options = [Option(slug, name, count, slug in selected) for slug, name, count in shown]
    missing = [slug for slug in selected if slug not in {o.value for o in options}]
    return options + [Option(slug, slug, 0, True) for slug in missing]


def entry_for(document: IndexDocument) -> SearchEntry:
    return SearchEntry(
        key=document.key,
        search_type=document.search_type,
        title_sort=fold(document.title)[:100],
        date=document.date,
        has_places_left=document.has_places_left,
        benchmark_bits=to_bits("benchmark", document.benchmarks),
        key_stage_bits=to_bits("key_stage", document.key_stages),
        audience_bits=to_bits("audience", document.audiences),
        setting_bits=to_bits("setting", document.settings),
        doc_hash=document.doc_hash,
    )


def content_for(entry: SearchEntry, document: IndexDocument) -> SearchEntryContent:
    return SearchEntryContent(
        entry=entry,
        type_label=document.type_label,
        kind=document.kind,
        kind_label=document.kind_label,
        title=document.title,
        summary=document.summary,
        body=document.body,
        url=document.url,
    )
