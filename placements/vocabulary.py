"""The placements' own fixed vocabulary: the kinds of opportunity a host offers, what a young
person does, and the SEND adjustments a host team offers. Activities and adjustments are seeded by
a data migration; every code is the value of a directory URL parameter (`kind`, `activity`,
`adjustment`), so codes never change."""

from typing import NamedTuple

# (code, name)
ACTIVITIES: tuple[tuple[str, str], ...] = (
    ("work-shadowing", "Work shadowing"),
    ("project-task", "A project task set by the team"),
    ("skills-identification", "Skills identification and development"),
    ("mentoring", "Mentoring"),
    ("insight-day", "Insight day"),
    ("virtual", "Virtual element (online)"),
)

ADJUSTMENTS: tuple[tuple[str, str], ...] = (
    ("step-free", "Step-free access"),
    ("quiet-space", "A quiet space to take breaks"),
    ("job-coach", "Job coach or support worker welcome"),
    ("adjusted-hours", "Adjusted or shorter hours"),
    ("accessible-toilet", "Accessible toilet"),
    ("visual-supports", "Visual timetable and easy-read instructions"),
    ("hearing-loop", "Hearing loop"),
    ("pre-visit", "A visit before the placement starts"),
)

# Year groups a request may name, by the key stage they belong to.
YEAR_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("Y3", "Year 3", "KS2"),
    ("Y4", "Year 4", "KS2"),
    ("Y5", "Year 5", "KS2"),
    ("Y6", "Year 6", "KS2"),
    ("Y7", "Year 7", "KS3"),
    ("Y8", "Year 8", "KS3"),
    ("Y9", "Year 9", "KS3"),
    ("Y10", "Year 10", "KS4"),
    ("Y11", "Year 11", "KS4"),
    ("Y12", "Year 12", "KS5"),
    ("Y13", "Year 13", "KS5"),
    ("Y14", "Year 14 (post-16 SEND provision)", "KS5"),
)

# The key stages the directory serves: work placements are for KS4 and KS5 (the careers action plan); visits,
# talks and the other encounters reach down to primary school (Benchmark 5).
PLACEMENT_KEY_STAGES = ("KS2", "KS3", "KS4", "KS5")

# Gatsby Benchmark 6 (experiences of workplaces) and 5 (encounters with employers): each kind of
# opportunity carries the "meaningful" checklist of its benchmark (portal.taxonomy's criteria).
MEANINGFUL_BENCHMARK = 6
ENCOUNTER_BENCHMARK = 5

WORK_PLACEMENT = "work-placement"


class Kind(NamedTuple):
    """A kind of opportunity: its `kind=` code, name, the key stages it suits, the benchmark whose
    checklist it carries, whether it counts towards "two weeks' worth" of experiences of work
    (docs/encounters.md), and whether the host comes to the school (the school then asks for a
    date in a range, and the host accepts with one date)."""

    code: str
    name: str
    key_stages: tuple[str, ...]
    benchmark: int
    experience_of_work: bool
    at_school: bool
    hint: str


KINDS: tuple[Kind, ...] = (
    Kind(
        WORK_PLACEMENT,
        "Work placement",
        ("KS4", "KS5"),
        MEANINGFUL_BENCHMARK,
        True,
        False,
        "Several days in the workplace, with a task set by the host.",
    ),
    Kind(
        "workplace-visit",
        "Workplace visit",
        ("KS2", "KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        True,
        False,
        "A class or group visits the workplace for a morning or a day.",
    ),
    Kind(
        "insight-day",
        "Insight day",
        ("KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        True,
        False,
        "A day at the workplace meeting people in different roles.",
    ),
    Kind(
        "talk-in-school",
        "Talk or workshop in school",
        ("KS2", "KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        False,
        True,
        "The host comes to the school to give a talk or run a workshop.",
    ),
    Kind(
        "mock-interviews",
        "Mock interviews",
        ("KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        False,
        True,
        "Interviewers come to the school and give each young person feedback.",
    ),
    Kind(
        "careers-fair",
        "Careers fair stand",
        ("KS2", "KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        False,
        True,
        "The host runs a stand at the school's careers fair.",
    ),
    Kind(
        "virtual-work-experience",
        "Virtual work experience",
        ("KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        True,
        False,
        "Online sessions with the host and a task to complete, from school or home.",
    ),
    Kind(
        "mentoring",
        "Mentoring",
        ("KS3", "KS4", "KS5"),
        ENCOUNTER_BENCHMARK,
        False,
        False,
        "Regular sessions with a mentor from the host over a term or more.",
    ),
)
KINDS_BY_CODE: dict[str, Kind] = {kind.code: kind for kind in KINDS}
KIND_CHOICES: tuple[tuple[str, str], ...] = tuple((kind.code, kind.name) for kind in KINDS)

# An approved employer's host team sits in this "service area", so the directory's area filter
# can show local employers' offers together (hosts app).
EMPLOYER_AREA = "Local employers"
