"""What every search engine must do (see search/contract.py). Each test runs once per engine."""

import pytest

from search.contract import PAGE_SIZE

from .conftest import CORPUS_SIZE

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def counts(results, facet: str) -> dict[str, int]:
    return {option.value: option.count for option in results.facets[facet]}


def test_singular_finds_plural_and_back(find):
    assert "Preparing pupils for work placements" in titles(find(q="placement"))
    assert "Apprenticeships explained for parents" in titles(find(q="apprenticeship"))
    assert "Library placement with the council" in titles(find(q="placements"))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("work placement", "Meeting the work experience duty"),
        ("apprentice", "Apprenticeships explained for parents"),
        ("special educational needs", "Transition toolkit for SEND"),
        ("post-16", "Your options after sixth form"),
        ("Gatsby 3", "Transition toolkit for SEND"),
    ],
)
def test_shared_synonyms(find, typed, expected):
    assert expected in titles(find(q=typed))


def test_bm6_finds_everything_tagged_benchmark_6(find):
    found = set(titles(find(q="BM6")))
    assert {
        "Meeting the work experience duty",
        "Preparing pupils for work placements",
        "Library placement with the council",
        "Highways team work placement",
    } <= found
    assert "Careers fair checklist" not in found


def test_bm6_placements_puts_placements_first(find):
    first = titles(find(q="BM6 placements"))[0]
    assert first in {
        "Preparing pupils for work placements",
        "Library placement with the council",
        "Highways team work placement",
    }


def test_a_typo_still_finds_the_right_thing_first(find):
    assert titles(find(q="work experiance year 10"))[0] == "Meeting the work experience duty"
    assert "Apprenticeships explained for parents" in titles(find(q="apprentiships"))


def test_a_misspelling_gets_a_suggestion(find):
    assert find(q="carrers fair").suggestion == "careers fair"


def test_quoted_phrases_are_phrases(find):
    phrase = titles(find(q='"work experience"'))
    assert "Meeting the work experience duty" in phrase
    assert "Experience tells us work is changing" not in phrase


def test_results_carry_type_benchmarks_key_stages_and_highlights(find):
    results = find(q="placements", type="placement")
    hit = next(h for h in results.hits if h.title == "Library placement with the council")
    assert (hit.type, hit.type_label) == ("placement", "Work placement")
    assert hit.benchmarks == (6,) and hit.key_stages == ("KS4", "KS5")
    assert hit.has_places_left is True
    assert "<mark>" in hit.title_html and "placement" in hit.title_html.lower()


def test_titles_are_escaped_around_the_highlights(find):
    hit = next(h for h in find(q="claims").hits if "Bold" in h.title)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in hit.title_html and "<b>" not in hit.title_html


def test_facet_counts_keep_siblings_of_a_ticked_value(find):
    everything = find()
    assert everything.total == CORPUS_SIZE
    six = find(benchmark="6")
    assert six.total == 4
    assert counts(six, "benchmark")["5"] == counts(everything, "benchmark")["5"] == 2
    assert counts(six, "benchmark")["6"] == 4
    assert counts(six, "key_stage")["KS4"] == 3  # other facets are narrowed by benchmark 6
    assert next(o for o in six.facets["benchmark"] if o.value == "6").selected


def test_values_of_one_facet_are_alternatives_and_facets_combine(find):
    assert find(benchmark=["6", "5"]).total == 6
    both = find(benchmark="6", key_stage="KS5")
    assert sorted(titles(both)) == ["Highways team work placement", "Library placement with the council"]
    assert counts(both, "benchmark")["7"] == 2  # KS5 items with benchmark 7


def test_type_places_and_tag_filters(find):
    placements = find(type="placement")
    assert placements.total == 2
    assert counts(placements, "type")["resource"] == 8  # the type facet ignores its own selection
    assert titles(find(places="available")) == ["Library placement with the council"]
    assert titles(find(tag="planning")) == ["Careers programme planner"]
    assert counts(find(type="placement"), "tag") == {"council": 2}


def test_text_and_filters_together(find):
    results = find(q="apprenticeships", key_stage="KS5")
    assert titles(results) == ["Apprenticeships explained for parents"] and results.total == 1
    assert counts(results, "key_stage")["KS4"] == 1
    assert find(q="apprenticeships", key_stage="KS3").total == 0


def test_sorting_by_title_and_newest(find):
    by_title = [t.lower() for t in titles(find(q="careers", sort="title"))]
    assert by_title == sorted(by_title)
    dated = [h.date for h in find(type="placement", sort="newest").hits]
    assert dated == sorted(dated, reverse=True)


def test_pages_do_not_overlap(find):
    first, second = find(q="filler"), find(q="filler", page="2")
    assert first.total == second.total == 25
    assert len(first.hits) == PAGE_SIZE and len(second.hits) == 5
    assert not set(titles(first)) & set(titles(second))
    assert find(q="filler", page="99").query.page == 2


def test_nothing_found_is_an_answer(find):
    results = find(q="xylophone")
    assert results.total == 0 and results.hits == []


def test_unknown_filter_values_are_ignored_with_a_message(find):
    results = find(q="careers", benchmark=["6", "99"], key_stage="KS9", type="nonsense")
    assert any("99" in m for m in results.messages) and any("KS9" in m for m in results.messages)
    assert results.query.benchmarks == (6,) and results.query.types == ()
