"""The feedback questions: the "meaningful" criteria of Benchmark 6 (experiences of workplaces)
for a placement, or of Benchmark 5 (encounters with employers) for an encounter, asked once of
the school in its own words and once of the young people in theirs. The criterion codes are those
of portal.taxonomy.vocabulary, so answers line up with what a placement says it offers."""

from typing import Any, NamedTuple

from placements.vocabulary import KINDS_BY_CODE, MEANINGFUL_BENCHMARK
from portal.taxonomy.vocabulary import BENCHMARKS


class Question(NamedTuple):
    criterion: str
    for_school: str
    for_young_people: str


YES = "yes"
NO = "no"
NOT_SURE = "not-sure"
ANSWERS: tuple[tuple[str, str], ...] = ((YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure"))

SCHOOL = "school"
YOUNG_PERSON = "young-person"
RESPONDENTS = ((SCHOOL, "School or college"), (YOUNG_PERSON, "Young person"))

QUESTIONS: dict[int, tuple[Question, ...]] = {
    6: (
        Question(
            "b6-clear-purpose",
            "Did the placement have a clear purpose that the host shared with you and the young people?",
            "Did you know what the placement was for before you started?",
        ),
        Question(
            "b6-two-way",
            "Did the young people talk and work with employees, not only watch and listen?",
            "Did you get to talk and work with the people there, not only watch and listen?",
        ),
        Question(
            "b6-range-of-people",
            "Did they meet a range of different people from the workplace?",
            "Did you meet different people who do different jobs there?",
        ),
        Question(
            "b6-task-set",
            "Did they do a task set by the employer, or produce a piece of work for the workplace?",
            "Did you do a task or a piece of work that the employer set you?",
        ),
        Question(
            "b6-feedback",
            "Did the employer give the young people feedback on their work?",
            "Did someone there tell you how well you did your work?",
        ),
        Question(
            "b6-reflection",
            "Have the young people had time to reflect on what they learned?",
            "Have you had time to think about what you learned?",
        ),
    ),
    5: (
        Question(
            "b5-clear-purpose",
            "Did the encounter have a clear purpose that the employer shared with you and the young people?",
            "Did you know what the session was for before it started?",
        ),
        Question(
            "b5-two-way",
            "Could the young people ask questions and talk with the employer, not only listen?",
            "Could you ask questions and talk with the employer, not only listen?",
        ),
        Question(
            "b5-reflection",
            "Have the young people had time to reflect on what they learned?",
            "Have you had time to think about what you learned?",
        ),
    ),
}

CRITERIA = {code: text for b in BENCHMARKS for code, text in b.meaningful}


def benchmark_for(placement_request: Any) -> int:
    """The benchmark whose "meaningful" questions fit the request: its opportunity's kind decides
    (placements.vocabulary), and a request whose page has no kind is a work placement."""
    page = getattr(getattr(placement_request, "window", None), "page", None)
    kind = KINDS_BY_CODE.get(str(getattr(page, "kind", "") or ""))
    return kind.benchmark if kind else MEANINGFUL_BENCHMARK
