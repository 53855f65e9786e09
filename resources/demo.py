"""Demo resources drawn from the council's documents (docs/sources.md): at least two for every Gatsby Benchmark across KS2 to
KS5, good-practice case studies from (fictional) Stockton schools and the guide to the statutory
work experience duty."""

import datetime
from typing import NamedTuple

from portal.home import demo_calendar as calendar
from portal.home.demo_tools import demo_pdf, heading, paragraphs, upsert_page
from portal.home.models import HomePage
from portal.taxonomy.models import Audience, Benchmark, KeyStage, School, Setting, Subject

from .models import ResourceFile, ResourceIndexPage, ResourceKind, ResourcePage, TimeNeeded


class DemoResource(NamedTuple):
    slug: str
    title: str
    kind: str
    summary: str
    body: list[str]
    benchmarks: tuple[int, ...]
    key_stages: tuple[str, ...]
    audiences: tuple[str, ...] = ("teachers",)
    settings: tuple[str, ...] = ("mainstream",)
    subjects: tuple[str, ...] = ("careers",)
    tags: tuple[str, ...] = ()
    time_needed: str = TimeNeeded.ONE_LESSON
    school_urn: str | None = None
    file_lines: tuple[str, ...] = ()


K, L, A, T, G = (
    ResourceKind.CASE_STUDY,
    ResourceKind.LESSON_PLAN,
    ResourceKind.ACTIVITY,
    ResourceKind.TOOLKIT,
    ResourceKind.GUIDANCE,
)

RESOURCES: tuple[DemoResource, ...] = (
    DemoResource(
        "meeting-the-work-experience-duty",
        "Meeting the work experience duty: two weeks' worth from Year 7 to Year 11",
        G,
        "What the statutory guidance expects, and how to plan two weeks' worth of workplace experience: "
        "activities in Years 7 to 9 and placements in Years 10 and 11.",
        [
            "The statutory careers guidance asks schools to give every pupil two weeks' worth of meaningful "
            "experiences of workplaces before they leave Year 11. It does not have to be one block of ten days.",
            "In Years 7 to 9, build up days through short activities: workplace visits, insight mornings, "
            "employer-set projects in lessons and virtual tours. Record each one against the pupil.",
            "In Years 10 and 11, give every pupil at least one placement of several days with a host. Stockton "
            "Council teams offer KS4 and KS5 placements through this portal's work-placement directory.",
            "Each experience should meet the 2025 definition of meaningful for Benchmark 6: a clear purpose, "
            "learning outcomes, extensive two-way interaction, meeting a range of people, a task set by the "
            "employer, feedback on the work and time to reflect afterwards.",
        ],
        (6, 1),
        ("KS3", "KS4"),
        settings=("mainstream", "special", "ap-pru"),
        tags=("work experience", "statutory guidance", "planning"),
        time_needed=TimeNeeded.ONGOING,
        file_lines=(
            "Two weeks' worth planner",
            "Year 7: workplace visit (1 day)",
            "Year 8: employer project (2 days)",
            "Year 9: insight days (2 days)",
            "Year 10: placement (5 days)",
        ),
    ),
    DemoResource(
        "careers-programme-planner",
        "Careers programme planner for the year",
        T,
        "A planner that sequences careers learning across each year group, with learning outcomes and how parents will be involved.",
        [
            "Use this planner to map every careers activity to a year group, a learning outcome and a Gatsby Benchmark.",
            "The 2025 revision asks the programme to be tailored, sequenced, underpinned by learning outcomes, linked to the whole-school development plan and to say how parents and carers will be engaged.",
        ],
        (1,),
        ("KS3", "KS4", "KS5"),
        tags=("planning", "learning outcomes"),
        time_needed=TimeNeeded.ONGOING,
        file_lines=("Careers programme planner", "Term 1: ...", "Term 2: ...", "Term 3: ..."),
    ),
    DemoResource(
        "sharing-the-careers-vision-with-governors",
        "Sharing your careers vision with leaders and governors",
        G,
        "A short briefing pack to help a careers leader present the careers vision and plan to senior leaders and governors.",
        [
            "Set out the vision, the priorities for the year and how progress will be measured.",
            "Explain the new 2025 expectations: explicit backing from governors and the headteacher and a trained careers leader.",
        ],
        (1,),
        ("KS4", "KS5"),
        audiences=("teachers",),
        tags=("leadership", "governors"),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
    ),
    DemoResource(
        "local-jobs-explorer-lesson",
        "Jobs in the Tees Valley: a labour market lesson",
        L,
        "Pupils use local labour market information to find growing sectors in the Tees Valley and what jobs in them need.",
        [
            "Starter: which jobs do people in your family do? Where are they?",
            "Main: in groups, explore the growing sectors in the Tees Valley (advanced manufacturing, clean energy, health and care, digital) and list three jobs in each.",
            "Plenary: which subjects and routes lead to those jobs?",
        ],
        (2, 4),
        ("KS3", "KS4"),
        audiences=("teachers", "young-people"),
        subjects=("geography", "careers"),
        tags=("labour market information", "LMI", "local jobs"),
        file_lines=(
            "Lesson plan: Jobs in the Tees Valley",
            "Learning outcome: pupils can name three growing local sectors.",
        ),
    ),
    DemoResource(
        "lmi-for-parents-evening",
        "Labour market information for parents' evening",
        A,
        "A ten-minute stand for parents' evening that helps parents and carers understand local jobs and where to find reliable information.",
        [
            "Set up a stand with the top ten local growth jobs and the routes into them.",
            "Give parents a one-page guide to reliable careers websites and the school's careers platform.",
        ],
        (2,),
        ("KS3", "KS4", "KS5"),
        audiences=("parents", "teachers"),
        tags=("parents", "LMI"),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
    ),
    DemoResource(
        "what-do-people-do-all-day",
        "What do people do all day? Jobs in our community",
        L,
        "A primary lesson that introduces jobs in the local community and challenges stereotypes about who does them.",
        [
            "Children match workers to workplaces in Stockton, then meet a visitor whose job surprises them.",
            "Talk about why anyone can do any job.",
        ],
        (2, 5),
        ("KS2",),
        audiences=("teachers",),
        subjects=("pshe",),
        tags=("primary", "stereotypes"),
    ),
    DemoResource(
        "tracking-participation-toolkit",
        "Tracking every pupil's careers participation",
        T,
        "How to record each pupil's part in the careers programme, pass records on when a pupil moves school and record intended destinations.",
        [
            "The 2025 Benchmark 3 asks for systematic records of each pupil's participation in all parts of the programme.",
            "Record aspirations and intended and immediate destinations; use former pupils to support the programme.",
        ],
        (3,),
        ("KS3", "KS4", "KS5"),
        tags=("records", "destinations"),
        time_needed=TimeNeeded.ONGOING,
    ),
    DemoResource(
        "careers-for-send-pupils",
        "Planning careers learning with your SENCO",
        G,
        "Working with the SENCO to adapt careers learning, encounters and workplace experiences for pupils with SEND.",
        [
            "Use the data you have on vulnerable and targeted groups to differentiate careers learning.",
            "Plan adjustments for workplace experiences early: step-free access, quiet space, a job coach, adjusted hours.",
        ],
        (3, 6),
        ("KS3", "KS4", "KS5"),
        settings=("special", "mainstream", "ap-pru"),
        tags=("SEND", "inclusion"),
        time_needed=TimeNeeded.HALF_DAY,
    ),
    DemoResource(
        "careers-in-every-subject",
        "Careers in every subject: a staff CPD session",
        T,
        "A one-hour CPD session to help every teacher link their subject to careers and the skills it builds.",
        [
            "Each department picks one unit and adds a careers link and a skills link.",
            "Share examples in a department meeting each half-term.",
        ],
        (4,),
        ("KS3", "KS4"),
        subjects=("english", "maths", "science"),
        tags=("CPD", "curriculum"),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
        file_lines=("CPD session: careers in every subject", "Slides and activity sheet"),
    ),
    DemoResource(
        "maths-in-the-workplace",
        "Maths in the workplace: costing a building project",
        L,
        "Pupils use ratio and percentages to cost a real building project set by a local construction firm.",
        [
            "Pupils receive a brief from a site manager and cost materials for a small extension.",
            "They present their costing and get feedback from the employer.",
        ],
        (4, 5),
        ("KS3", "KS4"),
        audiences=("teachers", "young-people"),
        subjects=("maths",),
        tags=("construction", "employer project"),
    ),
    DemoResource(
        "speed-networking-with-employers",
        "Speed networking with local employers",
        A,
        "A structured event where small groups of pupils meet six employers for eight minutes each, with a clear purpose and reflection afterwards.",
        [
            "Share the purpose with employers and pupils beforehand.",
            "Give pupils question prompts so the conversations are two-way.",
            "Follow up with a reflection sheet in the next tutor time.",
        ],
        (5,),
        ("KS4", "KS5"),
        audiences=("teachers", "employers"),
        tags=("employer encounter", "event"),
        time_needed=TimeNeeded.HALF_DAY,
    ),
    DemoResource(
        "employer-encounter-reflection-sheet",
        "Reflection sheet after an employer encounter",
        A,
        "A one-page sheet pupils complete after meeting an employer: what they learned, the skills they saw and what they will do next.",
        [
            "The 2025 definition of meaningful asks for time to reflect after each encounter. Use this sheet within a week."
        ],
        (5, 6),
        ("KS2", "KS3", "KS4"),
        audiences=("teachers", "young-people"),
        tags=("reflection",),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
        file_lines=(
            "Reflection sheet",
            "What did you find out?",
            "Which skills did you see?",
            "What will you do next?",
        ),
    ),
    DemoResource(
        "hosting-a-meaningful-placement",
        "Preparing pupils for a meaningful work placement",
        T,
        "Before, during and after a placement: setting a purpose and outcomes with the host, a task set by the host, feedback and reflection.",
        [
            "Agree the purpose and learning outcomes with the host before the placement.",
            "Ask the host to set a real task and give feedback on it.",
            "Plan time to reflect in school afterwards.",
        ],
        (6,),
        ("KS4", "KS5"),
        audiences=("teachers", "employers"),
        settings=("mainstream", "special", "college"),
        tags=("work experience", "placements"),
        time_needed=TimeNeeded.SERIES,
    ),
    DemoResource(
        "college-and-apprenticeship-taster-day",
        "College and apprenticeship taster day",
        A,
        "Year 10 pupils spend a day with a local college and a training provider, trying practical sessions and hearing how to apply.",
        [
            "Include information about entry requirements, the qualifications offered and where they lead.",
            "Pupils describe what learning there would be like and reflect afterwards.",
        ],
        (7,),
        ("KS4",),
        audiences=("teachers", "young-people"),
        tags=("college", "apprenticeships", "post-16"),
        time_needed=TimeNeeded.DAY_OR_MORE,
    ),
    DemoResource(
        "post-16-options-assembly",
        "Your options at 16: an assembly for Year 11",
        L,
        "An assembly explaining A levels, T levels, vocational courses and apprenticeships in plain English.",
        [
            "Explain each route in one sentence, with a local example.",
            "Tell pupils how to find open days and who to talk to.",
        ],
        (7, 2),
        ("KS4",),
        audiences=("young-people", "teachers"),
        tags=("post-16", "apprenticeships", "T levels"),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
    ),
    DemoResource(
        "university-and-higher-apprenticeships",
        "University or a higher apprenticeship? A sixth-form workshop",
        L,
        "Sixth formers compare degree and higher apprenticeship routes with help from local providers.",
        ["Providers explain recruitment and selection, costs and the careers each route leads to."],
        (7,),
        ("KS5",),
        audiences=("young-people",),
        settings=("mainstream", "college"),
        tags=("higher education", "apprenticeships"),
    ),
    DemoResource(
        "personal-guidance-meeting-prep",
        "Getting ready for your careers meeting",
        A,
        "A preparation sheet for pupils before a personal guidance meeting, and a note for parents about how to help.",
        [
            "The 2025 Benchmark 8 talks about meetings scheduled to meet pupils' needs, with a further meeting by 18.",
            "Pupils note what they enjoy, what they are good at and what they want to ask.",
        ],
        (8,),
        ("KS4", "KS5"),
        audiences=("young-people", "parents"),
        tags=("personal guidance",),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
    ),
    DemoResource(
        "telling-parents-about-guidance",
        "Telling parents how to get careers guidance",
        G,
        "What to put on the school website so pupils, parents and carers know how to get personal guidance.",
        ["Say who the careers adviser is (by role), when meetings happen and how to ask for one."],
        (8, 1),
        ("KS3", "KS4", "KS5"),
        audiences=("teachers", "parents"),
        tags=("website", "parents"),
        time_needed=TimeNeeded.UNDER_AN_HOUR,
    ),
    DemoResource(
        "kingfisher-employer-mentoring",
        "Employer mentoring for Year 10: Kingfisher Academy",
        K,
        "How one Stockton academy matched every Year 10 pupil at risk of becoming NEET with an employer mentor.",
        [
            "Twenty local employers each mentored two pupils for six sessions.",
            "Attendance of mentored pupils rose, and every one had a post-16 place by results day.",
        ],
        (5, 3),
        ("KS4",),
        tags=("mentoring", "NEET"),
        time_needed=TimeNeeded.ONGOING,
        school_urn="900101",
    ),
    DemoResource(
        "saltholme-supported-placements",
        "Supported work placements: Saltholme Special School",
        K,
        "A special school's approach to workplace experiences with a job coach, adjusted hours and a quiet space.",
        [
            "The school worked with council teams to plan adjustments before each placement.",
            "Pupils built up from a one-hour visit to a three-day placement.",
        ],
        (6, 3),
        ("KS4", "KS5"),
        settings=("special",),
        tags=("SEND", "placements", "job coach"),
        time_needed=TimeNeeded.ONGOING,
        school_urn="900301",
    ),
    DemoResource(
        "ropewalk-careers-week",
        "A primary careers week: Ropewalk Primary School",
        K,
        "A week of visitors, workplace visits and a class enterprise project that made careers part of every lesson.",
        [
            "Each class met two visitors whose jobs challenged stereotypes.",
            "Year 6 ran a small enterprise project and presented to a local business.",
        ],
        (4, 5),
        ("KS2",),
        subjects=("pshe", "maths"),
        tags=("primary", "careers week"),
        time_needed=TimeNeeded.DAY_OR_MORE,
        school_urn="900201",
    ),
    DemoResource(
        "summer-enterprise-week",
        "Summer enterprise week plan",
        T,
        "A five-day summer-school plan for Years 8 to 10: teams create a business idea with mentors and pitch it on Friday.",
        [
            "Monday: meet the mentors. Tuesday to Thursday: research, plan and build. Friday: pitch to a panel."
        ],
        (5, 4),
        ("KS3", "KS4"),
        audiences=("teachers", "young-people"),
        subjects=("business",),
        tags=("summer school", "enterprise"),
        time_needed=TimeNeeded.DAY_OR_MORE,
    ),
)


def load(home: HomePage) -> None:
    index = upsert_page(
        home,
        ResourceIndexPage,
        "resources",
        title="Resource bank",
        intro="Lesson plans, activities, toolkits, guidance and good practice from Stockton schools and colleges, "
        "tagged by Gatsby Benchmark and key stage. Filter to find what fits your pupils.",
        show_in_menus=True,
    )
    benchmarks = {b.number: b for b in Benchmark.objects.all()}
    key_stages = {k.code: k for k in KeyStage.objects.all()}
    audiences = {a.code: a for a in Audience.objects.all()}
    settings = {s.code: s for s in Setting.objects.all()}
    subjects = {s.code: s for s in Subject.objects.all()}
    for number, item in enumerate(RESOURCES):
        files = (
            [ResourceFile(document=demo_pdf(item.title, list(item.file_lines)), label=f"{item.title} (PDF)")]
            if item.file_lines
            else []
        )
        upsert_page(
            index,
            ResourcePage,
            item.slug,
            title=item.title,
            kind=item.kind,
            summary=item.summary,
            body=[heading("About this resource"), *paragraphs(*item.body)],
            time_needed=item.time_needed,
            last_reviewed=calendar.ago(2026, 9, 1) - datetime.timedelta(days=20 * number),
            school=School.objects.get(urn=item.school_urn) if item.school_urn else None,
            files=files,
            m2m={
                "tags": item.tags,
                "benchmarks": [benchmarks[n] for n in item.benchmarks],
                "key_stages": [key_stages[c] for c in item.key_stages],
                "audiences": [audiences[c] for c in item.audiences],
                "settings": [settings[c] for c in item.settings],
                "subjects": [subjects[c] for c in item.subjects],
            },
        )
