"""The fixed vocabulary, seeded by data migrations and used to validate filter parameters without
a database query. Codes are stable: URLs, imports and the search index use them."""

from typing import NamedTuple


class BenchmarkSeed(NamedTuple):
    number: int
    name: str
    description: str
    meaningful: tuple[tuple[str, str], ...] = ()


_CLEAR_PURPOSE = "have a clear purpose, which is shared with the {who} and the young person"
_LEARNING_OUTCOMES = (
    "be underpinned by learning outcomes that are appropriate to the needs of the young person"
)

# The 8 Gatsby Benchmarks as revised in 2025, with the "meaningful" criteria for 5, 6 and 7
# (the Gatsby Benchmarks 2025, "Definitions of meaningful").
BENCHMARKS: tuple[BenchmarkSeed, ...] = (
    BenchmarkSeed(
        1,
        "A stable careers programme",
        "Every school and college has a planned careers programme that pupils, parents and carers, teachers "
        "and employers know about. Leaders and governors back it, a trained careers leader runs it, it is "
        "sequenced and built on learning outcomes, it says how parents and carers will be involved, and it "
        "is checked regularly with feedback from everyone, including careers advisers.",
    ),
    BenchmarkSeed(
        2,
        "Learning from career and labour market information",
        "In every key stage, all pupils find and use good information about careers, routes and the "
        "local and national job market to make their own choices about what to study and what to do next. "
        "Parents and carers are helped to use this information too.",
    ),
    BenchmarkSeed(
        3,
        "Addressing the needs of each young person",
        "The careers programme is shaped around each young person's needs, including those with SEND and "
        "those who are disadvantaged. Schools keep records of how each pupil takes part, pass them on when "
        "a pupil moves school, record aspirations and destinations, and use former pupils to inspire others.",
    ),
    BenchmarkSeed(
        4,
        "Linking curriculum learning to careers",
        "Every teacher, in every subject and every year, links what pupils are learning to careers and the "
        "world of work, including the knowledge and skills the subject builds. Careers is part of the "
        "training for all staff who support pupils.",
    ),
    BenchmarkSeed(
        5,
        "Encounters with employers and employees",
        "Every young person has several meaningful encounters with employers and employees each year, "
        "through talks, mentoring, enterprise activities and visits, so they learn what work is like and "
        "what employers look for.",
        (
            ("b5-clear-purpose", _CLEAR_PURPOSE.format(who="employer")),
            ("b5-learning-outcomes", _LEARNING_OUTCOMES),
            (
                "b5-two-way",
                "have opportunities for two-way interactions between the young person and the employer",
            ),
            (
                "b5-reflection",
                "be followed by time for the young person to reflect on the insights, knowledge or "
                "skills gained through the encounter",
            ),
        ),
    ),
    BenchmarkSeed(
        6,
        "Experiences of workplaces",
        "Every young person has meaningful first-hand experiences of workplaces, such as work experience, "
        "work shadowing, insight days or project work set by an employer. Part-time work can count. The "
        "statutory guidance expects two weeks' worth across Years 7 to 11.",
        (
            ("b6-clear-purpose", _CLEAR_PURPOSE.format(who="employer")),
            ("b6-learning-outcomes", _LEARNING_OUTCOMES),
            ("b6-two-way", "involve extensive two-way interactions between the young person and employees"),
            (
                "b6-range-of-people",
                "include opportunities for young people to meet a range of different people "
                "from the workplace",
            ),
            (
                "b6-task-set",
                "include opportunities for young people to perform a task set by the employer or to "
                "produce a piece of work relevant to that workplace",
            ),
            ("b6-feedback", "include the employer providing feedback to the young person about their work"),
            (
                "b6-reflection",
                "be followed by opportunities for the young person to reflect on the insights, "
                "knowledge or skills gained through their experience",
            ),
        ),
    ),
    BenchmarkSeed(
        7,
        "Encounters with further and higher education",
        "Every young person meets colleges, universities, independent training providers and apprenticeship "
        "providers, so they understand all the routes open to them: academic, technical and vocational.",
        (
            ("b7-clear-purpose", _CLEAR_PURPOSE.format(who="provider")),
            ("b7-learning-outcomes", _LEARNING_OUTCOMES),
            ("b7-two-way", "involve a two-way interaction between the young person and the provider"),
            (
                "b7-provider-information",
                "include information about the provider, such as their recruitment and "
                "selection processes, the qualifications that provider offers and the careers these could lead to",
            ),
            ("b7-what-learning-is-like", "describe what learning or training with the provider is like"),
            (
                "b7-reflection",
                "be followed by opportunities for the young person to reflect on the insights, "
                "knowledge or skills gained through the encounter",
            ),
        ),
    ),
    BenchmarkSeed(
        8,
        "Personal guidance",
        "Every young person has personal guidance meetings with a qualified careers adviser, scheduled to "
        "meet their needs, and a further meeting by the age of 18. Pupils, parents and carers are told how "
        "to get this support, including on the school website.",
    ),
)
BENCHMARK_NUMBERS = frozenset(b.number for b in BENCHMARKS)


class KeyStageSeed(NamedTuple):
    code: str
    name: str
    ages: str
    year_groups: str


KEY_STAGES: tuple[KeyStageSeed, ...] = (
    KeyStageSeed("EYFS", "Early years foundation stage", "0 to 5", "Nursery and Reception"),
    KeyStageSeed("KS1", "Key stage 1", "5 to 7", "Years 1 and 2"),
    KeyStageSeed("KS2", "Key stage 2", "7 to 11", "Years 3 to 6"),
    KeyStageSeed("KS3", "Key stage 3", "11 to 14", "Years 7 to 9"),
    KeyStageSeed("KS4", "Key stage 4", "14 to 16", "Years 10 and 11"),
    KeyStageSeed("KS5", "Key stage 5", "16 to 19", "Years 12 and 13"),
)
KEY_STAGE_CODES = tuple(k.code for k in KEY_STAGES)

# (code, name): codes are the values of the `audience` and `setting` URL parameters.
AUDIENCES: tuple[tuple[str, str], ...] = (
    ("teachers", "Teachers and careers leaders"),
    ("parents", "Parents and carers"),
    ("young-people", "Young people"),
    ("employers", "Employers and hosts"),
)
SETTINGS: tuple[tuple[str, str], ...] = (
    ("mainstream", "Mainstream school"),
    ("special", "Special school"),
    ("ap-pru", "Alternative provision or PRU"),
    ("college", "College"),
    ("home-education", "Home education"),
)
SUBJECTS: tuple[tuple[str, str], ...] = (
    ("english", "English"),
    ("maths", "Maths"),
    ("science", "Science"),
    ("computing", "Computing"),
    ("design-technology", "Design and technology"),
    ("geography", "Geography"),
    ("history", "History"),
    ("art-design", "Art and design"),
    ("modern-languages", "Modern languages"),
    ("pshe", "PSHE and citizenship"),
    ("business", "Business and enterprise"),
    ("pe", "Physical education"),
    ("careers", "Careers education"),
)
