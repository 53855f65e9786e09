"""Cases every engine must pass on a small fixed corpus: the contract suite runs them on each
engine (tests/search_contract/test_cases.py) and `manage.py search_index --verify` runs the same
ones against a live cluster, in a temporary index. They need no pages: the corpus is plain
documents, so a deployer can check a cluster without touching the content.

A case is a function of `find`, which takes URL-style parameters (as a visitor's search) and
returns an Outcome; a case raises CaseFailed saying what it expected and what came back."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from ..contract import SearchResults
from ..registry import IndexDocument

# Tags on two documents each, so that a tag on one document is outside the 20 most used.
COMMON_TAGS = tuple(
    [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliett",
        "kilo",
        "lima",
        "mike",
        "november",
        "oscar",
        "papa",
        "quebec",
        "romeo",
        "sierra",
        "tango",
        "uniform",
    ]
)
RARE_TAG = "rural"


def _document(n: int, title: str, summary: str, **fields: object) -> IndexDocument:
    values: dict = {
        "key": f"search.case:{n}",
        "search_type": "resource",
        "type_label": "Resource",
        "kind": "",
        "kind_label": "",
        "title": title,
        "summary": summary,
        "body": "",
        "url": f"/search-cases/{n}/",
        "benchmarks": (),
        "key_stages": (),
        "audiences": (),
        "settings": (),
        "tags": (),
        "date": None,
        "has_places_left": None,
    }
    return IndexDocument(**(values | fields))


def _tags(*slugs: str) -> tuple[tuple[str, str], ...]:
    return tuple((slug, slug.capitalize()) for slug in sorted(slugs))


CORPUS: tuple[IndexDocument, ...] = (
    _document(
        1,
        "Meeting the work experience duty",
        "Two weeks of work experience for Years 10 and 11, planned across the year.",
        benchmarks=(1, 6),
        key_stages=("KS3", "KS4"),
    ),
    _document(
        2,
        "Preparing pupils for work placements",
        "Help pupils get ready to meet their host and set goals.",
        benchmarks=(6,),
        key_stages=("KS4",),
    ),
    _document(
        3,
        "Apprenticeships explained for parents",
        "What an apprenticeship is and how to apply.",
        benchmarks=(7,),
        key_stages=("KS4", "KS5"),
        audiences=("parents",),
    ),
    _document(
        4,
        "Your options after sixth form",
        "Universities, courses and jobs for Year 13.",
        benchmarks=(7,),
        key_stages=("KS5",),
    ),
    _document(
        5,
        "Experience tells us work is changing",
        "How jobs change over a working life.",
        benchmarks=(4,),
        key_stages=("KS3",),
        tags=_tags(*COMMON_TAGS),
    ),
    _document(
        6,
        "Careers fair checklist",
        "Everything for a careers fair in the sports hall.",
        benchmarks=(5,),
        key_stages=("KS3",),
        tags=_tags(*COMMON_TAGS),
    ),
    _document(
        7,
        "Choosing options in year 9",
        "Which subjects to take next, and what each leads to.",
        benchmarks=(2,),
        key_stages=("KS3",),
    ),
    _document(
        8,
        "Filling in an application form",
        "Names, dates and a personal statement that sounds like you.",
        benchmarks=(3,),
        key_stages=("KS3",),
        subjects=("english",),
    ),
    _document(
        9,
        "Library placement with the council",
        "A week shelving, cataloguing and helping at storytime.",
        search_type="placement",
        type_label="Work placement",
        benchmarks=(6,),
        key_stages=("KS4", "KS5"),
        has_places_left=True,
        date=datetime.date(2026, 6, 1),
        tags=_tags(RARE_TAG),
    ),
)
TITLES = {document.key: document.title for document in CORPUS}


@dataclass(frozen=True)
class Outcome:
    """What a search answered, engine-neutral: titles in order, total and facet counts."""

    titles: list[str]
    total: int
    facets: dict[str, dict[str, tuple[int, bool]]]  # param -> value -> (count, selected)

    @classmethod
    def of(cls, results: SearchResults) -> "Outcome":
        return cls(
            titles=[hit.title for hit in results.hits],
            total=results.total,
            facets={
                param: {o.value: (o.count, o.selected) for o in options}
                for param, options in results.facets.items()
            },
        )


Find = Callable[..., Outcome]


class CaseFailed(AssertionError):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CaseFailed(message)


def finds(find: Find, title: str, **params: str) -> None:
    found = find(**params).titles
    expect(title in found, f"{params} should find {title!r}; found {found}")


def same_as(find: Find, typed: str, plain: str) -> list[str]:
    got, wanted = find(q=typed).titles, find(q=plain).titles
    expect(bool(wanted), f"{plain!r} should find something")
    expect(got == wanted, f"{typed!r} should answer as {plain!r} does ({wanted}); got {got}")
    return got


def stems_both_ways(find: Find) -> None:
    finds(find, "Library placement with the council", q="placements")
    finds(find, "Apprenticeships explained for parents", q="apprenticeship")


def plural_apprentices(find: Find) -> None:
    finds(find, "Apprenticeships explained for parents", q="apprentices")


def plural_work_placements(find: Find) -> None:
    finds(find, "Meeting the work experience duty", q="work placements")


def plural_colleges(find: Find) -> None:
    finds(find, "Your options after sixth form", q="colleges")


def stop_word_after_phrase(find: Find) -> None:
    found = same_as(find, '"year 10" the', '"year 10"')
    expect("Choosing options in year 9" not in found, f'"year 10" should not find year 9; found {found}')


def stop_word_before_phrase(find: Find) -> None:
    found = same_as(find, 'not "sixth form"', '"sixth form"')
    expect("Your options after sixth form" in found, f'"sixth form" found {found}')
    expect("Filling in an application form" not in found, f'"sixth form" is a phrase; found {found}')


def long_word(find: Find) -> None:
    same_as(find, "careers " + "w" * 300, "careers")
    alone = find(q="w" * 300)
    expect(alone.total == len(CORPUS), f"a lone over-long word lists everything; got {alone.total}")


def quoted_phrase(find: Find) -> None:
    found = find(q='"work experience"').titles
    expect("Meeting the work experience duty" in found, f"found {found}")
    expect("Experience tells us work is changing" not in found, f"a phrase, not two words; found {found}")


def typo(find: Find) -> None:
    found = find(q="work experiance year 10").titles
    expect(found[:1] == ["Meeting the work experience duty"], f"found {found}")


def facet_siblings(find: Find) -> None:
    everything, six = find(), find(benchmark="6")
    expect(everything.total == len(CORPUS), f"no words: everything; got {everything.total}")
    expect(six.total == 3, f"benchmark 6: 3 items; got {six.total}")
    seven = (six.facets["benchmark"]["7"], everything.facets["benchmark"]["7"])
    expect(seven == ((2, False), (2, False)), f"benchmark 7 keeps its count when 6 is ticked; got {seven}")
    expect(six.facets["benchmark"]["6"] == (3, True), f"benchmark 6: {six.facets['benchmark']['6']}")
    expect(six.facets["key_stage"]["KS4"] == (3, False), f"KS4 within benchmark 6: {six.facets['key_stage']}")


def ticked_rare_tag(find: Find) -> None:
    results = find(tag=RARE_TAG)
    expect(results.titles == ["Library placement with the council"], f"found {results.titles}")
    tags = results.facets["tag"]
    expect(tags.get(RARE_TAG) == (1, True), f"the ticked tag keeps its count; tags: {tags}")


def subject_name(find: Find) -> None:
    found = find(q="english").titles
    expect(
        found == ["Filling in an application form"],
        f"a subject's name finds what is linked to it; found {found}",
    )


def nothing_found(find: Find) -> None:
    results = find(q="xylophone")
    expect(results.total == 0 and results.titles == [], f"found {results.titles}")


@dataclass(frozen=True)
class Case:
    name: str
    run: Callable[[Find], None]


CASES: tuple[Case, ...] = (
    Case("singular finds plural and back", stems_both_ways),
    Case("apprentices: a plural triggers its synonyms", plural_apprentices),
    Case("work placements finds work experience", plural_work_placements),
    Case("colleges finds sixth form", plural_colleges),
    Case('"year 10" the: a stop word beside a phrase is ignored', stop_word_after_phrase),
    Case('not "sixth form": a stop word before a phrase is ignored', stop_word_before_phrase),
    Case("a 300-character word is left out", long_word),
    Case("quoted words are a phrase", quoted_phrase),
    Case("a typo still finds the right thing first", typo),
    Case("a ticked value keeps its siblings' counts", facet_siblings),
    Case("a ticked tag outside the 20 most used keeps its count", ticked_rare_tag),
    Case("a subject's name finds the items linked to it", subject_name),
    Case("nothing found is an answer", nothing_found),
)
