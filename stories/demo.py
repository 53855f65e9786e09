"""Ten fictional Born and Bred stories (the careers action plan, docs/sources.md: "10 interviews filmed and shared, with people who
are from Stockton and gone on to achieve success in their chosen field"). Every one is marked as a
fictional example; the schools are the demo's fictional schools and employers are described, not
named. No film was made of these made-up interviews, so the demo stories have none: each page
gives the whole interview as text and says there is no film."""

from typing import NamedTuple

from wagtail.models import Page

from portal.home.demo import FE_COLLEGE, SIXTH_FORM_COLLEGE
from portal.home.demo_tools import upsert_page
from portal.home.models import HomePage

from .models import Sector, StepKind, StoryIndexPage, StoryLink, StoryPage, StoryRouteStep

S, C, A, U, T, J = (
    StepKind.SCHOOL,
    StepKind.COLLEGE,
    StepKind.APPRENTICESHIP,
    StepKind.UNIVERSITY,
    StepKind.TRAINING,
    StepKind.JOB,
)


class DemoStory(NamedTuple):
    slug: str
    first_name: str
    job_title: str
    employer: str
    sector: str
    grew_up_in: str
    local_schooling: str
    summary: str
    pull_quote: str
    steps: tuple[tuple[str, str, str, str], ...]  # (kind, what, where, years)
    interview: tuple[tuple[str, str], ...]  # (question, answer)
    # Where a young person could start: resource slugs, and words to find placements and post-16 pages.
    resources: tuple[str, ...] = ()
    placement_words: tuple[str, ...] = ()
    post16_words: tuple[str, ...] = ()


STORIES: tuple[DemoStory, ...] = (
    DemoStory(
        "amira-process-engineer",
        "Amira",
        "Process engineer",
        "a chemicals company in Billingham",
        Sector.CHEMICALS,
        "Billingham",
        f"Kingfisher Academy, then {SIXTH_FORM_COLLEGE}",
        "Amira did A levels at sixth form, then chose a degree apprenticeship over full-time university. She now keeps a chemical plant running safely, ten minutes from where she grew up.",
        "I didn't know you could get a degree and a wage at the same time. Now I'm a chartered engineer-in-training and I've never left Teesside.",
        (
            (S, "GCSEs, including triple science", "Kingfisher Academy", "2011 to 2016"),
            (C, "A levels in chemistry, maths and physics", SIXTH_FORM_COLLEGE, "2016 to 2018"),
            (
                A,
                "Degree apprenticeship in chemical engineering",
                "a chemicals company in Billingham",
                "2018 to 2023",
            ),
            (J, "Process engineer", "the same company", "2023 to now"),
        ),
        (
            (
                "What did you want to do when you were at school?",
                "Honestly, I thought I'd be a chemistry teacher, because teachers were the only people I knew who used science at work.",
            ),
            (
                "How did you find out about apprenticeships?",
                "A careers fair in Year 12. An engineer from the plant talked about the degree apprenticeship and I went home and looked it up that night.",
            ),
            (
                "What does a normal day look like?",
                "I check how the plant ran overnight, work out why a number has drifted, and plan changes with the operators. No two days are the same.",
            ),
            (
                "What would you tell someone in Year 10?",
                "Keep your science and maths going, and ask every visitor to your school how they got their job. The routes are right here.",
            ),
        ),
        resources=("local-jobs-explorer-lesson",),
        placement_words=("engineering", "environmental health"),
        post16_words=("process engineering", "sixth form"),
    ),
    DemoStory(
        "callum-electrician",
        "Callum",
        "Electrician and business owner",
        "his own electrical contracting firm",
        Sector.CONSTRUCTION,
        "Thornaby",
        f"Ironworks Free School, then {FE_COLLEGE}",
        "Callum left school unsure what he wanted. A college course led to an apprenticeship, and ten years later he runs his own firm and takes on apprentices himself.",
        "I was the lad who couldn't sit still in class. Give me a job to do with my hands and a problem to solve and I'm happy all day.",
        (
            (S, "GCSEs", "Ironworks Free School", "2009 to 2014"),
            (
                C,
                "Level 2 electrical installation",
                FE_COLLEGE,
                "2014 to 2015",
            ),
            (A, "Level 3 electrical apprenticeship", "a local electrical contractor", "2015 to 2019"),
            (J, "Qualified electrician", "the same contractor", "2019 to 2022"),
            (J, "Runs his own electrical firm", "Thornaby", "2022 to now"),
        ),
        (
            (
                "Did you enjoy school?",
                "Not much, if I'm honest. I liked design and technology and PE, and that was about it.",
            ),
            (
                "What changed at college?",
                "Everything was practical. I could see why the maths mattered because I needed it to size a cable.",
            ),
            (
                "What's it like running a business?",
                "Long days, but they're my days. I've taken on two apprentices from the same college I went to.",
            ),
            (
                "Any advice?",
                "If school isn't your thing, that doesn't mean learning isn't. Find the course where you're doing, not just listening.",
            ),
        ),
        resources=("meeting-the-work-experience-duty",),
        placement_words=("regeneration", "highways"),
        post16_words=("training", "apprenticeship"),
    ),
    DemoStory(
        "priya-staff-nurse",
        "Priya",
        "Staff nurse",
        "an NHS hospital trust",
        Sector.HEALTH,
        "Ingleby Barwick",
        f"Heron Vale School, then {SIXTH_FORM_COLLEGE}",
        "Priya volunteered at a care home while at sixth form, trained as a nurse at a university in Middlesbrough and now works on a children's ward.",
        "The first time a parent thanked me by name, I rang my mum from the car park. That's when I knew I'd picked right.",
        (
            (S, "GCSEs", "Heron Vale School", "2012 to 2017"),
            (
                C,
                "BTEC in health and social care, and A level biology",
                SIXTH_FORM_COLLEGE,
                "2017 to 2019",
            ),
            (U, "Nursing degree (children's nursing)", "a university in Middlesbrough", "2019 to 2022"),
            (J, "Staff nurse on a children's ward", "an NHS hospital trust", "2022 to now"),
        ),
        (
            (
                "Why nursing?",
                "My nan was ill when I was fourteen and the nurses were the ones who explained things to us. I wanted to be that person.",
            ),
            (
                "How did you get experience?",
                "I volunteered on Saturdays at a care home. It showed me I could do the hard bits, not just the nice bits.",
            ),
            (
                "What was university like?",
                "Half of it was on placement, in hospitals and the community around Teesside, so I never felt far from home.",
            ),
        ),
        resources=("careers-for-send-pupils",),
        placement_words=("children", "health"),
        post16_words=("sixth form",),
    ),
    DemoStory(
        "jordan-software-developer",
        "Jordan",
        "Software developer",
        "a software company in Stockton town centre",
        Sector.DIGITAL,
        "Roseworth",
        f"Teesbank Church of England Academy, then {FE_COLLEGE}",
        "Jordan taught himself to code making game mods, took a T level in digital at college and was offered a job by the company that hosted his industry placement.",
        "My industry placement was meant to be 45 days. I'm still there.",
        (
            (S, "GCSEs, including computer science", "Teesbank Church of England Academy", "2015 to 2020"),
            (
                C,
                "T level in digital production, design and development",
                FE_COLLEGE,
                "2020 to 2022",
            ),
            (J, "Junior developer", "the company that hosted his industry placement", "2022 to 2024"),
            (J, "Software developer", "the same company", "2024 to now"),
        ),
        (
            (
                "How did you get into coding?",
                "Changing games I played. I broke them a lot, then I learned how to fix them.",
            ),
            (
                "Why a T level rather than A levels?",
                "I wanted to be building real things. The placement meant I was working with a real team at seventeen.",
            ),
            (
                "What do you work on now?",
                "Booking systems for local businesses. My auntie's hairdresser uses one I built, which she tells everyone about.",
            ),
        ),
        resources=("local-jobs-explorer-lesson",),
        placement_words=("web page", "digital"),
        post16_words=("T level",),
    ),
    DemoStory(
        "sophie-wind-turbine-technician",
        "Sophie",
        "Wind turbine technician",
        "an offshore wind operator based at Teesport",
        Sector.ENERGY,
        "Port Clarence",
        "Kingfisher Academy",
        "Sophie went straight from school into an engineering apprenticeship and now maintains turbines out at sea, part of Teesside's clean energy industry.",
        "People are surprised when I say I climb ninety metres for work. I'm surprised I ever thought about doing anything else.",
        (
            (S, "GCSEs", "Kingfisher Academy", "2014 to 2019"),
            (
                A,
                "Engineering technician apprenticeship (wind turbine maintenance)",
                "an offshore wind operator",
                "2019 to 2022",
            ),
            (T, "Offshore survival and working-at-height training", "a training centre on Teesside", "2022"),
            (J, "Wind turbine technician", "an offshore wind operator based at Teesport", "2022 to now"),
        ),
        (
            (
                "Was engineering always the plan?",
                "No. I liked being outdoors and I was good at physics. A teacher put the two together for me.",
            ),
            (
                "What's hard about the job?",
                "The weather decides your day. You learn to be patient and to trust your team.",
            ),
            (
                "What would you say to girls thinking about engineering?",
                "Go to the taster days. Seeing someone like you doing it makes it feel possible.",
            ),
        ),
        placement_words=("engineering",),
        post16_words=("process engineering", "apprenticeship"),
    ),
    DemoStory(
        "daniel-social-worker",
        "Daniel",
        "Children's social worker",
        "Stockton-on-Tees Borough Council",
        Sector.PUBLIC_SERVICES,
        "Hardwick",
        f"Bridgeway Learning Centre, then {FE_COLLEGE}",
        "Daniel finished school at a learning centre after being excluded in Year 9. An access course at college led to a social work degree, and he now supports families in the borough he grew up in.",
        "Someone believed I could turn it round when I didn't. I get to be that person for other kids now.",
        (
            (S, "GCSEs in English, maths and science", "Bridgeway Learning Centre", "2008 to 2012"),
            (J, "Warehouse work and care work", "Stockton", "2012 to 2015"),
            (
                C,
                "Access to higher education diploma (social science)",
                FE_COLLEGE,
                "2015 to 2016",
            ),
            (U, "Social work degree", "a university in the North East", "2016 to 2019"),
            (J, "Children's social worker", "Stockton-on-Tees Borough Council", "2019 to now"),
        ),
        (
            (
                "What was school like for you?",
                "Difficult. I moved schools twice and ended up at the learning centre. The staff there were the first to ask what I wanted.",
            ),
            (
                "How did you get to university without A levels?",
                "An access course at college. One year, evenings and days, and it counts for university entry.",
            ),
            ("What's the best part of your job?", "When a family doesn't need us any more. That's the goal."),
        ),
        resources=("tracking-participation-toolkit",),
        placement_words=("children",),
        post16_words=("options at 16",),
    ),
    DemoStory(
        "hannah-teaching-assistant",
        "Hannah",
        "Higher level teaching assistant",
        "a primary school in Stockton",
        Sector.EDUCATION,
        "Fairfield",
        f"Saltholme Special School, then {FE_COLLEGE}",
        "Hannah, who is autistic, did a supported internship through college, was taken on by the school where she trained and has since qualified as a higher level teaching assistant.",
        "The internship gave me a year to learn the job properly, with someone beside me. Now I'm the one showing new staff how we do things.",
        (
            (S, "Entry level and Level 1 qualifications", "Saltholme Special School", "2010 to 2017"),
            (
                C,
                "Supported internship in a primary school",
                FE_COLLEGE,
                "2017 to 2018",
            ),
            (J, "Teaching assistant", "the same primary school", "2018 to 2023"),
            (T, "Higher level teaching assistant status", "a local training provider", "2023"),
            (J, "Higher level teaching assistant", "the same primary school", "2023 to now"),
        ),
        (
            (
                "What is a supported internship?",
                "You spend most of the week in a real workplace with a job coach, and one day at college. It's for young people with an education, health and care plan.",
            ),
            (
                "What helped you most?",
                "Clear routines, and a mentor at the school who told me exactly what good looked like.",
            ),
            (
                "What do you do now?",
                "I teach small reading groups and cover classes. The children call me Miss H.",
            ),
        ),
        resources=("careers-for-send-pupils",),
        placement_words=("library",),
        post16_words=("supported internship",),
    ),
    DemoStory(
        "mohammed-accountant",
        "Mohammed",
        "Chartered accountant",
        "an accountancy firm in Stockton",
        Sector.BUSINESS,
        "Stockton town centre",
        f"Heron Vale School, then {SIXTH_FORM_COLLEGE}",
        "Mohammed started an accountancy apprenticeship with the council's finance team after his A levels, qualified while working, and now advises local businesses.",
        "My friends went off to university and I went to work. We all graduated around the same time, but I had no debt and four years' experience.",
        (
            (S, "GCSEs", "Heron Vale School", "2010 to 2015"),
            (C, "A levels in maths, economics and business", SIXTH_FORM_COLLEGE, "2015 to 2017"),
            (
                A,
                "Accountancy apprenticeship (AAT, then chartered)",
                "the council's finance team",
                "2017 to 2022",
            ),
            (J, "Chartered accountant", "an accountancy firm in Stockton", "2022 to now"),
        ),
        (
            ("Why accountancy?", "I liked maths but wanted to work with people. Accountancy is both."),
            (
                "What was it like working for the council?",
                "I saw how a whole borough's money is planned: schools, roads, care. It made the numbers feel real.",
            ),
            (
                "What would you tell parents?",
                "An apprenticeship isn't second best. Ask what qualification it leads to; mine led to the same one as a degree route.",
            ),
        ),
        resources=("lmi-for-parents-evening",),
        placement_words=("enterprise", "business support"),
        post16_words=("council apprenticeships",),
    ),
    DemoStory(
        "ellie-head-chef",
        "Ellie",
        "Head chef",
        "a restaurant in Yarm",
        Sector.HOSPITALITY,
        "Yarm",
        f"Teesbank Church of England Academy, then {FE_COLLEGE}",
        "Ellie worked weekends washing up in a hotel kitchen, trained in professional cookery at college and now runs the kitchen of a restaurant on Yarm High Street.",
        "I started on the pots at fifteen. Every chef I worked with taught me something, and now I get to do the same.",
        (
            (
                S,
                "GCSEs, including food preparation and nutrition",
                "Teesbank Church of England Academy",
                "2013 to 2018",
            ),
            (
                C,
                "Professional cookery, Levels 1 to 3",
                FE_COLLEGE,
                "2018 to 2021",
            ),
            (J, "Commis chef, then sous chef", "a hotel near Stockton", "2021 to 2024"),
            (J, "Head chef", "a restaurant in Yarm", "2024 to now"),
        ),
        (
            ("How did you start?", "A Saturday job washing up. I watched everything the chefs did."),
            (
                "What did college add?",
                "The science of it, and competitions. Cooking under pressure in front of judges is good practice for a busy Saturday night.",
            ),
            ("What's next?", "My own place one day. Somewhere in Stockton, using food from local farms."),
        ),
        placement_words=("festival", "events"),
        post16_words=("college",),
    ),
    DemoStory(
        "liam-transport-planner",
        "Liam",
        "Transport planner",
        "a logistics company at Teesport",
        Sector.LOGISTICS,
        "Eaglescliffe",
        "Ironworks Free School",
        "Liam left school for a warehouse job, was offered an apprenticeship in logistics by his employer and now plans the routes that move goods in and out of the port.",
        "I thought a warehouse job was a stopgap. It turned out to be the first step on a ladder I didn't know was there.",
        (
            (S, "GCSEs", "Ironworks Free School", "2011 to 2016"),
            (J, "Warehouse operative", "a distribution centre near Stockton", "2016 to 2018"),
            (A, "Supply chain apprenticeship", "a logistics company at Teesport", "2018 to 2020"),
            (J, "Transport planner", "the same company", "2020 to now"),
        ),
        (
            (
                "What does a transport planner do?",
                "I work out which lorry goes where and when, so shops get their stock and drivers get home on time.",
            ),
            (
                "How did the apprenticeship come about?",
                "My manager noticed I was good at sorting out problems on shift and asked if I'd thought about planning.",
            ),
            (
                "Advice for someone leaving school?",
                "Whatever your first job is, do it well and ask questions. People notice.",
            ),
        ),
        resources=("meeting-the-work-experience-duty",),
        placement_words=("road safety", "transport"),
        post16_words=("what is an apprenticeship",),
    ),
)


def transcript(story: DemoStory) -> str:
    lines = []
    for question, answer in story.interview:
        lines += [f"Interviewer: {question}", f"{story.first_name}: {answer}"]
    return "\n\n".join(lines)


def related_pages(home: HomePage, story: DemoStory) -> list[Page]:
    """Live pages a story can point to: resources by slug, and the first placement and post-16 page
    whose title has one of the story's words (those sections come from other apps' demos)."""
    sections = {page.slug: page for page in home.get_children().live()}
    found: list[Page] = []
    if "resources" in sections:
        found += list(Page.objects.live().child_of(sections["resources"]).filter(slug__in=story.resources))
    for slug, words in (("placements", story.placement_words), ("post-16", story.post16_words)):
        if slug not in sections:
            continue
        # Deepest first, so a placement is preferred to the host team page above it.
        candidates = Page.objects.live().descendant_of(sections[slug]).order_by("-depth", "path")
        match = next(
            (page for word in words if (page := candidates.filter(title__icontains=word).first())), None
        )
        if match is not None:
            found.append(match)
    return found


def load(home: HomePage) -> None:
    index = upsert_page(
        home,
        StoryIndexPage,
        "stories",
        title="Born and Bred stories",
        intro="People from Stockton-on-Tees who built their careers here: the jobs they do, the routes they took "
        "through school, college, apprenticeships and university, and how you could start on the same route.",
        show_in_menus=True,
    )
    for story in STORIES:
        upsert_page(
            index,
            StoryPage,
            story.slug,
            title=f"{story.first_name}, {story.job_title.lower()}",
            first_name=story.first_name,
            job_title=story.job_title,
            employer=story.employer,
            sector=story.sector,
            grew_up_in=story.grew_up_in,
            local_schooling=story.local_schooling,
            summary=story.summary,
            pull_quote=story.pull_quote,
            film_url="",
            has_captions=False,
            transcript=transcript(story),
            is_example=True,
            route_steps=[
                StoryRouteStep(kind=kind, what=what, where=where, years=years)
                for kind, what, where, years in story.steps
            ],
            related_links=[StoryLink(link_page=page) for page in related_pages(home, story)],
        )
