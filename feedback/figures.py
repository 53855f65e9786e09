"""Feedback for the impact dashboard and for host teams: for each "meaningful" criterion, how many
placements and encounters the school says met it, and how many young people said yes."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from events.attendance import percent
from publishing.dashboard import Period, Table

from .models import Feedback
from .vocabulary import QUESTIONS, SCHOOL, YES


@dataclass
class CriterionFigures:
    criterion: str
    question: str
    school_answers: int = 0
    school_yes: int = 0
    young_answers: int = 0
    young_yes: int = 0


@dataclass
class Summary:
    """Per benchmark, per criterion: answers and yeses from schools and from young people."""

    rows: dict[int, list[CriterionFigures]] = field(default_factory=dict)
    comments: list[Feedback] = field(default_factory=list)


def summarise(responses: Iterable[Feedback]) -> Summary:
    rows = {
        benchmark: {q.criterion: CriterionFigures(q.criterion, q.for_school) for q in questions}
        for benchmark, questions in QUESTIONS.items()
    }
    summary = Summary()
    for response in responses:
        for criterion, answer in response.answers.items():
            figures = rows.get(response.benchmark, {}).get(criterion)
            if figures is None:
                continue
            if response.respondent == SCHOOL:
                figures.school_answers += 1
                figures.school_yes += answer == YES
            else:
                figures.young_answers += 1
                figures.young_yes += answer == YES
        if response.comment:
            summary.comments.append(response)
    summary.rows = {b: list(by_code.values()) for b, by_code in rows.items()}
    return summary


def criteria_met(period: Period, responses: QuerySet[Feedback] | None = None) -> Table:
    responses = Feedback.objects.filter(given_on__gte=period.start) if responses is None else responses
    summary = summarise(responses.only("respondent", "benchmark", "answers"))
    table = Table(
        title="Placements and encounters meeting each “meaningful” criterion",
        description="From the feedback given in the period: of the placements (Benchmark 6) and "
        "encounters (Benchmark 5) whose school answered, the share it says met each criterion; and "
        "the share of young people who said yes. “Not sure” counts as not met.",
        columns=[
            "Criterion",
            "Schools answering",
            "Met, according to the school (%)",
            "Young people answering",
            "Young people saying yes (%)",
        ],
    )
    counts: dict[str, int] = defaultdict(int)
    for benchmark in sorted(summary.rows, reverse=True):
        for figures in summary.rows[benchmark]:
            counts["any"] += figures.school_answers + figures.young_answers
            table.rows.append(
                [
                    f"Benchmark {benchmark}: {figures.question}",
                    figures.school_answers,
                    percent(figures.school_yes, figures.school_answers) if figures.school_answers else None,
                    figures.young_answers,
                    percent(figures.young_yes, figures.young_answers) if figures.young_answers else None,
                ]
            )
    if not counts["any"]:
        table.rows = []
    return table
