"""The database engine's own behaviour: index upkeep, vocabulary, relaxing, query counts. (What
every engine must do is in tests/search_contract.)"""

import datetime
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.contract import SearchQuery
from search.engines.bitsets import bitset
from search.engines.database import DatabaseEngine, Filters
from search.models import SearchEntry, SearchEntryTag, SearchWord
from tests.resources.factories import resource

from .factories import document

pytestmark = pytest.mark.django_db


def search(engine: DatabaseEngine, **params) -> object:
    query, _ = SearchQuery.from_params({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    return engine.search(query)


def test_upsert_replaces_an_entry_and_its_tags_and_full_text():
    engine = DatabaseEngine()
    first = document(title="Hospital placements", tags=(("nhs", "NHS"),))
    engine.upsert([first])
    changed = first.__class__(
        **{**first.__dict__, "title": "Library placements", "tags": (("books", "Books"),)}
    )
    engine.upsert([changed])
    assert list(SearchEntry.objects.values_list("content__title", flat=True)) == ["Library placements"]
    assert list(SearchEntryTag.objects.values_list("slug", flat=True)) == ["books"]
    assert search(engine, q="hospital").total == 0
    assert search(engine, q="library").total == 1


def test_word_counts_follow_entries_exactly():
    engine = DatabaseEngine()
    one = document(title="Hospital placements")
    two = document(title="Hospital tours")
    engine.upsert([one, two])
    assert SearchWord.objects.get(word="hospital").entries == 2
    engine.upsert([one])  # re-indexing the same item does not count it twice
    assert SearchWord.objects.get(word="hospital").entries == 2
    engine.delete([two.key])
    assert SearchWord.objects.get(word="hospital").entries == 1
    assert not SearchWord.objects.filter(word="tours").exists()


def test_deleting_an_entry_removes_its_full_text_row():
    engine = DatabaseEngine()
    item = document(title="Hospital placements")
    engine.upsert([item])
    entry_id = SearchEntry.objects.get().pk
    SearchEntry.objects.all().delete()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT COUNT(*) FROM portal_search_fulltext WHERE rowid = %s", [entry_id])
        else:
            cursor.execute(
                "SELECT COUNT(*) FROM portal_search_searchentrycontent WHERE entry_id = %s", [entry_id]
            )
        assert cursor.fetchone()[0] == 0
    assert search(engine, q="hospital").total == 0


def test_rebuild_replaces_everything():
    engine = DatabaseEngine()
    engine.upsert([document(title="Old item")])
    count = engine.rebuild(iter([document(title="New item one"), document(title="New item two")]))
    assert count == 2
    assert set(SearchEntry.objects.values_list("content__title", flat=True)) == {
        "New item one",
        "New item two",
    }
    assert not SearchWord.objects.filter(word="old").exists()


def test_no_item_with_every_word_relaxes_to_some_words():
    engine = DatabaseEngine()
    engine.upsert([document(title="Hospital placements"), document(title="Library tours")])
    results = search(engine, q="hospital tours")
    assert results.relaxed and results.total == 2
    assert not search(engine, q="hospital placements").relaxed


def test_a_typo_is_corrected_to_the_most_used_close_word():
    engine = DatabaseEngine()
    engine.upsert(
        [document(title="Careers fair"), document(title="Careers week"), document(title="Support for carers")]
    )
    results = search(engine, q="carrers fair")
    assert results.corrected and results.suggestion == "careers fair"
    assert [h.title for h in results.hits] == ["Careers fair"]
    assert not search(engine, q="xqzzy").corrected


def test_a_page_past_the_end_shows_the_last_page():
    engine = DatabaseEngine()
    engine.upsert([document(title=f"Placement {n}") for n in range(25)])
    results = search(engine, q="placement", page="7")
    assert results.query.page == 2 and len(results.hits) == 5


def test_newest_first_puts_undated_items_last():
    engine = DatabaseEngine()
    engine.upsert(
        [
            document(title="Undated"),
            document(title="Older", date=datetime.date(2025, 1, 1)),
            document(title="Newer", date=datetime.date(2026, 1, 1)),
        ]
    )
    assert [h.title for h in search(engine, sort="newest").hits] == ["Newer", "Older", "Undated"]


def test_search_as_you_type_completes_the_last_word():
    engine = DatabaseEngine()
    engine.upsert([document(title="Apprenticeships for parents"), document(title="Hospital placements")])
    assert [s["title"] for s in engine.suggest("apprentic")] == ["Apprenticeships for parents"]
    assert [s["title"] for s in engine.suggest("hospital plac")] == ["Hospital placements"]
    assert engine.suggest("zzz") == []


def test_a_search_runs_the_same_number_of_queries_whatever_the_index_size(bank):
    engine = DatabaseEngine()
    for n in range(3):
        resource(bank, title=f"Placement guide {n}", tags=(f"tag {n}",))

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            search(engine, q="placement guide", benchmark="6", tag="tag-1")
        return len(captured.captured_queries)

    small = count_queries()
    for n in range(3, 30):
        resource(bank, title=f"Placement guide {n}", tags=(f"tag {n}",))
    assert count_queries() == small


def test_bitset_sets_exactly_the_given_bits():
    assert bitset([]) == 0
    assert bitset([0, 3, 9]) == 0b1000001001
    assert bitset(range(1000)).bit_count() == 1000


def test_counts_follow_every_write_without_a_restart():
    engine = DatabaseEngine()
    engine.upsert([document(title="Hospital placements", benchmarks=(6,))])
    assert search(engine, q="placements").total == 1
    engine.upsert([document(title="Library placements", benchmarks=(6,))])
    results = search(engine, q="placements")
    assert results.total == 2
    assert {o.value: o.count for o in results.facets["benchmark"]}["6"] == 2


def test_a_search_narrowed_by_facets_ranks_only_its_hits_in_the_same_order():
    """With facets ticked, the engine ranks just the entries it already knows pass (PostgreSQL
    ranks them by id instead of matching every entry again): same hits, same order, as ranking
    every match and filtering after."""
    engine = DatabaseEngine()
    engine.upsert(
        [
            document(
                title=f"Work experience week {n}" if n % 3 == 0 else f"Employer visit {n}",
                summary="Work experience with an employer." if n % 2 == 0 else "A visit to a workplace.",
                body="work experience " * (n % 5),
                benchmarks=(6,) if n % 2 == 0 else (5,),
                key_stages=("KS4",) if n % 4 < 2 else ("KS5",),
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(40)
        ]
    )
    query, _ = SearchQuery.from_params({"q": ["work experience"], "benchmark": ["6"], "key_stage": ["KS4"]})
    results = engine.search(query)
    expression = engine.fulltext.expression(engine.parse(query.text).clauses)
    counts = engine._counts(expression, query)
    narrowed = counts.narrowed_to()
    assert narrowed is not None and len(narrowed) == results.total > 3
    filters = Filters.of(query.selected())
    unnarrowed = engine._page_keys(query, expression, filters, replace(counts, narrowing=None))
    assert [hit.key for hit in results.hits] == unnarrowed
    assert engine._page_keys(query, expression, filters, counts) == unnarrowed
