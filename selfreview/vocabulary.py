"""What a careers leader rates: a few plain-English statements per Gatsby Benchmark (2025),
written for this portal from the benchmark definitions and, for 5, 6 and 7, the "meaningful"
criteria. Fixed in code, like the benchmarks themselves: reviews store the statement codes, so a
statement may be reworded but never renumbered or removed once schools have answered it."""

from typing import NamedTuple


class Statement(NamedTuple):
    code: str
    benchmark: int
    text: str


MET = "met"
PARTLY = "partly"
NOT_YET = "not-yet"
ANSWERS: tuple[tuple[str, str], ...] = ((MET, "Met"), (PARTLY, "Partly"), (NOT_YET, "Not yet"))
ANSWER_POINTS = {MET: 2, PARTLY: 1, NOT_YET: 0}

STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "b1-written-plan",
        1,
        "We have a written careers programme, published on our website, that "
        "pupils, parents and carers, staff and employers can find and understand.",
    ),
    Statement(
        "b1-leadership",
        1,
        "A trained careers leader runs the programme with time to do it, and "
        "senior leaders and governors back it.",
    ),
    Statement(
        "b1-review",
        1,
        "We check the programme at least once a year, using feedback from pupils, "
        "parents and carers, staff, employers and careers advisers.",
    ),
    Statement(
        "b2-every-key-stage",
        2,
        "Pupils in every key stage use up-to-date information about jobs, "
        "routes and the local job market when they make choices.",
    ),
    Statement(
        "b2-local-market",
        2,
        "We show pupils what work is like in Stockton and the Tees Valley, "
        "including the sectors that are growing.",
    ),
    Statement(
        "b2-parents",
        2,
        "Parents and carers are shown where to find this information and how to use it with their child.",
    ),
    Statement(
        "b3-individual-needs",
        3,
        "The programme is adapted for each young person, including pupils "
        "with SEND and those who are disadvantaged.",
    ),
    Statement(
        "b3-records",
        3,
        "We keep a record of each pupil's careers activities and aspirations, and "
        "pass it on when they move school or college.",
    ),
    Statement(
        "b3-destinations",
        3,
        "We follow up destinations after pupils leave and use former pupils to inspire current ones.",
    ),
    Statement(
        "b4-every-subject",
        4,
        "Teachers in every subject link what pupils learn to careers and the skills that employers value.",
    ),
    Statement("b4-staff-training", 4, "Careers is part of the training for all staff who support pupils."),
    Statement(
        "b4-planned",
        4,
        "Subject leaders plan where careers links fall in their schemes of work, "
        "rather than leaving them to chance.",
    ),
    Statement(
        "b5-every-year",
        5,
        "Every pupil meets employers or employees at least once each year, "
        "through talks, mentoring, enterprise activities or visits.",
    ),
    Statement(
        "b5-purpose",
        5,
        "Each encounter has a clear purpose, shared with the employer and the "
        "pupils, and learning outcomes that suit the pupils.",
    ),
    Statement(
        "b5-two-way",
        5,
        "Pupils talk with the employer, not only listen, and have time afterwards "
        "to reflect on what they learned.",
    ),
    Statement(
        "b6-every-pupil",
        6,
        "Every pupil has first-hand experience of a workplace by the end of "
        "Year 11, and again before leaving at 18.",
    ),
    Statement(
        "b6-task-and-feedback",
        6,
        "During a placement pupils do a task set by the employer and get feedback on their work.",
    ),
    Statement(
        "b6-people-and-reflection",
        6,
        "Pupils meet a range of people at the workplace and reflect on the experience afterwards.",
    ),
    Statement(
        "b7-all-routes",
        7,
        "Every pupil meets colleges, universities, training providers and "
        "apprenticeship providers, so they hear about every route, not only one.",
    ),
    Statement(
        "b7-what-learning-is-like",
        7,
        "Pupils learn what studying or training with each provider is like and how to apply.",
    ),
    Statement(
        "b7-two-way",
        7,
        "Pupils can ask providers questions, and have time afterwards to reflect on what they heard.",
    ),
    Statement(
        "b8-qualified-adviser",
        8,
        "Every pupil has a personal guidance meeting with a qualified "
        "careers adviser (level 6 or above) by the end of Year 11.",
    ),
    Statement(
        "b8-further-meeting",
        8,
        "Pupils have a further guidance meeting by the age of 18, timed to when they need it.",
    ),
    Statement(
        "b8-how-to-get-it",
        8,
        "Pupils, parents and carers know how to ask for guidance, and our website says how.",
    ),
)
STATEMENT_CODES = frozenset(s.code for s in STATEMENTS)


def statements_for(benchmark: int) -> list[Statement]:
    return [s for s in STATEMENTS if s.benchmark == benchmark]


def rate(answers: list[str]) -> tuple[str, int]:
    """A benchmark's rating and score (0 to 100) from its statements' answers: met when every
    statement is met, not yet when none is even partly met, partly otherwise."""
    points = sum(ANSWER_POINTS[a] for a in answers)
    score = round(100 * points / (2 * len(answers))) if answers else 0
    if answers and all(a == MET for a in answers):
        return MET, score
    if points == 0:
        return NOT_YET, score
    return PARTLY, score
