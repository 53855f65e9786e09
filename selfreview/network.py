"""The council's anonymised view of the self-reviews: for each benchmark and school phase, the
share of schools that rated the benchmark met in a term, and the trend across terms.

Small numbers are never shown. A cell counting fewer than MIN_SCHOOLS schools shows no figure.
The "All phases" figure is suppressed too when the schools hidden in the phase cells number
between 1 and MIN_SCHOOLS - 1, because subtracting the phases shown from the total would reveal
them (secondary suppression). Each school counts once a term: it has one review a term."""

from collections import defaultdict
from decimal import Decimal

from events.attendance import percent
from events.dates import TERM_NAMES, AcademicYear, Term
from portal.taxonomy.models import School
from portal.taxonomy.vocabulary import BENCHMARKS
from publishing.dashboard import Table

from .models import BenchmarkRating, SelfReview
from .vocabulary import MET

MIN_SCHOOLS = 5
SUPPRESSED = "fewer than 5 schools"
TREND_TERMS = 6
PHASES = list(School.Phase.choices)

Counts = dict[str, list[int]]  # phase -> [schools, schools rating the benchmark met]


def terms_with_reviews() -> list[Term]:
    pairs = SelfReview.objects.values_list("academic_year", "term").distinct()
    return sorted(Term(AcademicYear(year), TERM_NAMES.index(term)) for year, term in pairs)


def _counts(terms: list[Term]) -> dict[tuple[Term, int], Counts]:
    """(term, benchmark) -> phase -> [schools, met], from one query."""
    wanted = {(t.year.start_year, t.name) for t in terms}
    rows = BenchmarkRating.objects.filter(
        review__academic_year__in={year for year, _ in wanted}, review__term__in={name for _, name in wanted}
    ).values_list("review__academic_year", "review__term", "benchmark", "rating", "review__school__phase")
    counts: dict[tuple[Term, int], Counts] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for year, term, benchmark, rating, phase in rows:
        if (year, term) not in wanted:
            continue
        cell = counts[(Term(AcademicYear(year), TERM_NAMES.index(term)), benchmark)][phase]
        cell[0] += 1
        cell[1] += rating == MET
    return counts


def share(schools: int, met: int) -> Decimal | str:
    return percent(met, schools) if schools >= MIN_SCHOOLS else SUPPRESSED


def all_phases(by_phase: Counts) -> Decimal | str:
    """The share over every phase, unless the phases hidden add up to a small number of schools."""
    hidden = sum(schools for schools, _ in by_phase.values() if schools < MIN_SCHOOLS)
    if 0 < hidden < MIN_SCHOOLS:
        return SUPPRESSED
    return share(sum(s for s, _ in by_phase.values()), sum(m for _, m in by_phase.values()))


def heatmap(term: Term) -> Table:
    counts = _counts([term])
    table = Table(
        title=f"Schools rating each benchmark met, {term.label}",
        description="The percentage of schools of each phase that rated the benchmark met in their "
        f"self-review this term. No figure is shown for fewer than {MIN_SCHOOLS} schools.",
        columns=["Gatsby Benchmark", *(label for _, label in PHASES), "All phases"],
        heatmap=True,
        empty_message="No school has taken the self-review this term.",
    )
    taking_part = counts[(term, BENCHMARKS[0].number)]
    if not taking_part:
        return table
    table.rows.append(
        [
            "Schools that took part",
            *(taking_part[p][0] for p, _ in PHASES),
            sum(s for s, _ in taking_part.values()),
        ]
    )
    for benchmark in BENCHMARKS:
        by_phase = counts[(term, benchmark.number)]
        table.rows.append(
            [
                f"{benchmark.number}. {benchmark.name}",
                *(share(*by_phase[phase]) for phase, _ in PHASES),
                all_phases(by_phase),
            ]
        )
    return table


def trend(terms: list[Term]) -> Table:
    """Every phase together, term by term (the same figures as each term's "All phases")."""
    counts = _counts(terms)
    table = Table(
        title="Trend: schools rating each benchmark met, by term",
        description="The percentage of all schools taking part that rated the benchmark met, term by "
        f"term. No figure is shown where it would count fewer than {MIN_SCHOOLS} schools.",
        columns=["Gatsby Benchmark", *(term.label for term in terms)],
        heatmap=True,
        empty_message="No school has taken the self-review yet.",
    )
    if not terms:
        return table
    table.rows.append(
        ["Schools that took part", *(sum(s for s, _ in counts[(t, 1)].values()) for t in terms)]
    )
    for benchmark in BENCHMARKS:
        table.rows.append(
            [
                f"{benchmark.number}. {benchmark.name}",
                *(all_phases(counts[(t, benchmark.number)]) for t in terms),
            ]
        )
    return table


def recent_terms(until: Term) -> list[Term]:
    return [t for t in terms_with_reviews() if t <= until][-TREND_TERMS:]
