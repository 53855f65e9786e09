"""Demo work placements for the 2026 to 2027 academic year (moved to the current one when they
load: portal/home/demo_calendar.py): eight council teams, each with its own
host team page, group and demo team member, listing realistic KS4 and KS5 placements (the careers action plan:
"a list of services and teams who can accommodate and want to host work placements for KS4 and
KS5 students"), a few requests for places, and the guide "Hosting a high-impact placement".

Contacts are roles and example.org mailboxes, never people. Demo team members (`highways-host`
and so on) are created only when the demo admin is (DEMO_ADMIN_PASSWORD, or DEBUG), with the same
password; nothing secret is printed."""

import datetime
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import F, Q

from portal.home import demo_calendar as calendar
from portal.home.demo_tools import demo_password, heading, paragraphs, upsert_page
from portal.home.models import HomePage, StandardPage
from portal.taxonomy.models import CouncilTeam, KeyStage, MeaningfulCriterion, School, Setting

from .models import (
    Activity,
    Adjustment,
    AvailabilityWindow,
    HostTeamPage,
    PlacementIndexPage,
    PlacementPage,
    PlacementRequest,
    RequestEvent,
    RequestStatus,
    WindowCapacity,
    today,
)
from .teams import setup_host_team

D = datetime.date
COUNCIL_TEAM_MEMBERS = "Council team members"  # the publishing app's role group, if it exists


class DemoTeam(NamedTuple):
    slug: str
    name: str
    directorate: str
    description: str
    contact_role: str
    username: str


TEAMS: tuple[DemoTeam, ...] = (
    DemoTeam(
        "highways-transport",
        "Highways and Transport",
        "Community Services, Environment and Culture",
        "Looks after the borough's roads, footpaths, bridges, street lighting and traffic signals, and plans safer, greener travel.",
        "Highways Placements Coordinator",
        "highways-host",
    ),
    DemoTeam(
        "libraries",
        "Libraries and Information",
        "Community Services, Environment and Culture",
        "Runs the borough's libraries, the home library service, reading challenges and free digital skills sessions.",
        "Library Services Manager",
        "libraries-host",
    ),
    DemoTeam(
        "parks-countryside",
        "Parks and Countryside",
        "Community Services, Environment and Culture",
        "Cares for parks, nature reserves, woodland and green spaces, with rangers, volunteers and schools.",
        "Countryside Ranger Team Leader",
        "parks-host",
    ),
    DemoTeam(
        "childrens-business-support",
        "Children's Social Care Business Support",
        "Children's Services",
        "Keeps children's social care running: minutes, scheduling, records, finance and data for social work teams.",
        "Business Support Team Leader",
        "childrens-support-host",
    ),
    DemoTeam(
        "economic-growth",
        "Economic Growth and Regeneration",
        "Regeneration and Inclusive Growth",
        "Supports local businesses, attracts investment and leads the regeneration of Stockton town centre and the riverside.",
        "Business Engagement Officer",
        "economic-growth-host",
    ),
    DemoTeam(
        "digital-ict",
        "Digital and ICT Services",
        "Finance, Development and Business Services",
        "Runs the council's networks, devices, service desk, cyber security and online services.",
        "ICT Service Desk Manager",
        "digital-host",
    ),
    DemoTeam(
        "environmental-health",
        "Environmental Health",
        "Community Services, Environment and Culture",
        "Inspects food businesses, monitors air quality and noise, and protects residents' health at home and at work.",
        "Principal Environmental Health Officer",
        "environmental-health-host",
    ),
    DemoTeam(
        "culture-events",
        "Culture, Events and Heritage",
        "Community Services, Environment and Culture",
        "Puts on the borough's festivals and events and runs its museum, heritage sites and arts programme.",
        "Events and Engagement Officer",
        "culture-host",
    ),
)

MUNICIPAL = ("Municipal Buildings", "Church Road\nStockton-on-Tees", "TS18 1LD")
MUNICIPAL_TRAVEL = (
    "Five minutes' walk from Stockton High Street bus stops. No parking for visitors: the school or a parent drops off. "
    "Come to main reception, where a member of the team will meet the young people."
)
ALL_SETTINGS = ("mainstream", "special", "ap-pru", "college", "home-education")
ALL_CRITERIA = (
    "b6-clear-purpose",
    "b6-learning-outcomes",
    "b6-two-way",
    "b6-range-of-people",
    "b6-task-set",
    "b6-feedback",
    "b6-reflection",
)
WEEKDAYS = "Monday to Friday, 9:30am to 3pm"


class DemoPlacement(NamedTuple):
    team: str
    slug: str
    title: str
    summary: str
    body: tuple[str, ...]
    learning_outcomes: tuple[str, ...]
    activities: tuple[str, ...]
    key_stages: tuple[str, ...]
    windows: tuple[tuple[datetime.date, datetime.date, str, int], ...]
    location: tuple[str, str, str] = MUNICIPAL
    travel_notes: str = MUNICIPAL_TRAVEL
    settings: tuple[str, ...] = ALL_SETTINGS
    adjustments: tuple[str, ...] = ("step-free", "quiet-space", "job-coach", "accessible-toilet")
    adjustments_notes: str = ""
    requirements: str = ""
    what_to_bring: str = "A packed lunch and a water bottle. Everything else is provided."
    criteria: tuple[str, ...] = ALL_CRITERIA
    minimum_age: int | None = None
    confirmed_days_ago: int = 0


PLACEMENTS: tuple[DemoPlacement, ...] = (
    DemoPlacement(
        "highways-transport",
        "highways-engineering-week",
        "Highways engineering week: design a safer crossing",
        "Spend a week with highways engineers, survey a busy junction near a school and present your design for a safer crossing.",
        (
            "On the first morning you meet the engineers, technicians and inspectors who keep the borough's roads safe, and agree the project brief: a junction near a school where parents have asked for a safer crossing.",
            "You count traffic and pedestrians with a technician, look at accident data, and use the design software the team uses every day to draw up options.",
            "On Friday you present your design to the Highways Design Manager and get written feedback on your work.",
        ),
        (
            "Explain how engineers decide where a crossing goes",
            "Carry out a traffic and pedestrian count",
            "Present a design and answer questions on it",
            "Know the routes into civil engineering: T levels, apprenticeships and degrees",
        ),
        ("project-task", "work-shadowing", "mentoring", "skills-identification"),
        ("KS5",),
        (
            (D(2027, 2, 15), D(2027, 2, 19), WEEKDAYS, 2),
            (D(2027, 3, 8), D(2027, 3, 12), WEEKDAYS, 3),
            (D(2027, 6, 21), D(2027, 6, 25), WEEKDAYS, 2),
        ),
        requirements="High-visibility vest and safety boots for the site visit: we lend vests; please wear sturdy shoes or boots.",
        minimum_age=16,
    ),
    DemoPlacement(
        "highways-transport",
        "road-safety-campaign",
        "Road safety campaign project",
        "Work with the road safety team to plan a campaign that helps Year 7 pupils walk and cycle to school safely.",
        (
            "The road safety team works with every school in the borough. You look at what happens on the routes to school, talk to officers about what works, and plan a campaign for Year 7 pupils.",
            "You finish by presenting the campaign, and the best ideas are used in the team's next school visits.",
        ),
        ("Plan a campaign for a real audience", "Use evidence to choose a message", "Give and take feedback"),
        ("project-task", "insight-day", "virtual"),
        ("KS4",),
        (
            (D(2027, 1, 25), D(2027, 1, 27), "Monday to Wednesday, 10am to 2:30pm", 4),
            (D(2027, 4, 19), D(2027, 4, 21), "Monday to Wednesday, 10am to 2:30pm", 4),
        ),
        adjustments=("step-free", "quiet-space", "adjusted-hours", "job-coach"),
        adjustments_notes="Part of the project can be done online from school if travelling every day is hard.",
        criteria=("b6-clear-purpose", "b6-learning-outcomes", "b6-task-set", "b6-feedback", "b6-reflection"),
        confirmed_days_ago=100,
    ),
    DemoPlacement(
        "libraries",
        "library-assistant",
        "Library assistant at Stockton Central Library",
        "Help run a busy town-centre library: the front desk, children's events, returns and displays.",
        (
            "Library assistants help hundreds of people a day. You work alongside them on the front desk, help set up a children's story time, and put together a display on a theme you choose.",
            "A named member of staff mentors you all week and talks through what you have learned each afternoon.",
        ),
        ("Help customers politely and clearly", "Plan and make a display", "Work as part of a team"),
        ("work-shadowing", "project-task", "mentoring"),
        ("KS4", "KS5"),
        (
            (D(2026, 10, 12), D(2026, 10, 16), WEEKDAYS, 2),
            (D(2026, 12, 7), D(2026, 12, 11), WEEKDAYS, 2),
            (D(2027, 2, 22), D(2027, 2, 26), WEEKDAYS, 2),
            (D(2027, 5, 10), D(2027, 5, 14), WEEKDAYS, 2),
        ),
        location=("Stockton Central Library", "Church Road\nStockton-on-Tees", "TS18 1TU"),
        travel_notes="On the High Street bus routes. Step-free entrance on Church Road.",
        adjustments=(
            "step-free",
            "quiet-space",
            "job-coach",
            "adjusted-hours",
            "visual-supports",
            "pre-visit",
            "accessible-toilet",
        ),
        adjustments_notes="We are happy to plan a visit before the placement and to use a visual timetable.",
    ),
    DemoPlacement(
        "libraries",
        "digital-skills-helper",
        "Digital skills helper",
        "Help residents get online at the library's free digital skills sessions: email, video calls and staying safe online.",
        (
            "Each week the library runs free sessions for residents who are new to computers. You help them set up email, make a video call and spot a scam.",
        ),
        ("Explain technology simply and patiently", "Recognise common online scams"),
        ("work-shadowing", "skills-identification"),
        ("KS5",),
        ((D(2027, 1, 11), D(2027, 3, 29), "Mondays, 1pm to 4pm, for 12 weeks", 2),),
        location=("Thornaby Library", "Thornaby Town Centre\nThornaby", "TS17 9EU"),
        travel_notes="Next to Thornaby bus station.",
        criteria=("b6-clear-purpose", "b6-two-way", "b6-range-of-people", "b6-reflection"),
        confirmed_days_ago=200,
    ),
    DemoPlacement(
        "parks-countryside",
        "countryside-ranger-week",
        "Countryside ranger week",
        "Work outdoors with the rangers: habitat surveys, path repairs and a wildlife event for families.",
        (
            "Rangers look after woodland, wetlands and parks across the borough. You spend the week outdoors with them, surveying wildlife, repairing paths and helping run a family event.",
            "You record a habitat survey that the team uses in its management plan, and a ranger gives you feedback on it.",
        ),
        (
            "Carry out and record a habitat survey",
            "Use hand tools safely",
            "Explain how parks are managed for wildlife",
        ),
        ("work-shadowing", "project-task", "mentoring"),
        ("KS4", "KS5"),
        (
            (D(2027, 3, 15), D(2027, 3, 19), "Monday to Friday, 9am to 3pm", 3),
            (D(2027, 6, 7), D(2027, 6, 11), "Monday to Friday, 9am to 3pm", 3),
            (D(2027, 7, 12), D(2027, 7, 16), "Monday to Friday, 9am to 3pm", 4),
        ),
        location=("Rangers' base, Preston Park", "Yarm Road\nEaglescliffe", "TS18 3RH"),
        travel_notes="Buses stop outside Preston Park on Yarm Road. Some tasks are on rough ground; the morning briefing room is step-free.",
        adjustments=("quiet-space", "job-coach", "adjusted-hours", "pre-visit"),
        adjustments_notes="Much of the work is on uneven ground; tell us what would help and we will plan tasks around it.",
        requirements="Outdoor clothing. We provide gloves, tools and safety wear.",
        what_to_bring="Waterproof coat, sturdy boots, a packed lunch and a drink.",
    ),
    DemoPlacement(
        "childrens-business-support",
        "childrens-services-business-support",
        "Business support in children's services",
        "See how business support keeps children's social care running: scheduling, minutes, finance and data, without access to any child's records.",
        (
            "Business support officers organise meetings, take minutes, process payments and produce the data social work managers rely on.",
            "You shadow officers in each of these roles and complete a project on a made-up data set, presenting what it shows. You never see any real child's records.",
        ),
        (
            "Explain why confidentiality matters at work",
            "Use spreadsheets to summarise data",
            "Take clear notes in a meeting",
        ),
        ("work-shadowing", "project-task", "skills-identification"),
        ("KS5",),
        (
            (D(2027, 1, 18), D(2027, 1, 22), WEEKDAYS, 1),
            (D(2027, 3, 1), D(2027, 3, 5), WEEKDAYS, 2),
        ),
        requirements="A short confidentiality briefing on the first morning.",
        minimum_age=16,
    ),
    DemoPlacement(
        "economic-growth",
        "town-centre-regeneration-project",
        "Town centre regeneration project",
        "Join the regeneration team reshaping Stockton town centre and the riverside: ask people what they want and pitch your ideas.",
        (
            "Stockton town centre is changing, with new green space by the river. You meet planners, business advisers and the events team, survey visitors about what would bring them into town, and pitch ideas to the Regeneration Manager.",
        ),
        (
            "Design and carry out a short survey",
            "Turn findings into recommendations",
            "Pitch an idea with confidence",
        ),
        ("project-task", "work-shadowing", "mentoring", "skills-identification"),
        ("KS5",),
        (
            (D(2027, 2, 8), D(2027, 2, 12), WEEKDAYS, 3),
            (D(2027, 3, 22), D(2027, 3, 26), WEEKDAYS, 3),
            (D(2027, 6, 14), D(2027, 6, 18), WEEKDAYS, 3),
        ),
    ),
    DemoPlacement(
        "economic-growth",
        "enterprise-insight-day",
        "Enterprise insight day",
        "A day with business advisers: meet local start-ups, learn how businesses get support and test a business idea.",
        (
            "Business advisers help people start and grow businesses in Stockton. On this insight day you meet two local owners and test your own idea against the questions advisers ask.",
        ),
        ("Describe what a business plan covers", "Know where local businesses get support"),
        ("insight-day", "skills-identification"),
        ("KS4",),
        (
            (D(2027, 1, 20), D(2027, 1, 20), "Wednesday, 9:30am to 2:30pm", 8),
            (D(2027, 3, 10), D(2027, 3, 10), "Wednesday, 9:30am to 2:30pm", 8),
            (D(2027, 5, 19), D(2027, 5, 19), "Wednesday, 9:30am to 2:30pm", 8),
        ),
        criteria=(
            "b6-clear-purpose",
            "b6-learning-outcomes",
            "b6-two-way",
            "b6-range-of-people",
            "b6-reflection",
        ),
    ),
    DemoPlacement(
        "digital-ict",
        "it-service-desk-and-cyber-security",
        "IT service desk and cyber security",
        "Work on the council's IT service desk, set up laptops for staff and see how the cyber security team spots attacks.",
        (
            "The service desk answers hundreds of calls a week. You take calls with an analyst, build laptops for new starters and spend a day with the cyber security team looking at how phishing emails are caught.",
            "Your project is a short guide to staying safe online for the council's apprentices, which the team reviews with you.",
        ),
        ("Diagnose common IT problems", "Explain how phishing works", "Write clear instructions for users"),
        ("work-shadowing", "project-task", "mentoring"),
        ("KS5",),
        (
            (D(2027, 2, 1), D(2027, 2, 5), WEEKDAYS, 2),
            (D(2027, 3, 15), D(2027, 3, 19), WEEKDAYS, 2),
            (D(2027, 6, 28), D(2027, 7, 2), WEEKDAYS, 2),
        ),
        minimum_age=16,
    ),
    DemoPlacement(
        "digital-ict",
        "build-a-web-page",
        "Build a web page for a council service",
        "Design and build an accessible web page for a council service, working partly online with the digital team.",
        (
            "The digital team builds the council's online services. You meet a service owner, find out what residents need, and design and build a page that everyone can use, including people using screen readers.",
        ),
        ("Find out what users need", "Build an accessible web page", "Test a design with real users"),
        ("project-task", "virtual", "mentoring"),
        ("KS4",),
        (
            (
                D(2027, 1, 11),
                D(2027, 1, 15),
                "Monday to Friday: Monday and Friday in the office, other days online",
                3,
            ),
            (
                D(2027, 4, 26),
                D(2027, 4, 30),
                "Monday to Friday: Monday and Friday in the office, other days online",
                3,
            ),
        ),
        adjustments=("step-free", "quiet-space", "adjusted-hours", "hearing-loop", "accessible-toilet"),
    ),
    DemoPlacement(
        "environmental-health",
        "environmental-health-shadowing",
        "Environmental health: food safety and air quality",
        "Shadow environmental health officers on food hygiene inspections and help with an air quality monitoring project.",
        (
            "Environmental health officers protect residents' health. You shadow food hygiene inspections, learn how a hygiene rating is decided, and help collect and analyse air quality readings near schools.",
        ),
        (
            "Explain how food hygiene ratings are decided",
            "Analyse air quality readings",
            "Know the route to becoming an environmental health officer",
        ),
        ("work-shadowing", "project-task", "skills-identification"),
        ("KS5",),
        (
            (D(2027, 3, 1), D(2027, 3, 5), WEEKDAYS, 1),
            (D(2027, 5, 17), D(2027, 5, 21), WEEKDAYS, 2),
        ),
        requirements="A white coat and hair net for inspections (we provide them). Tell us about any food allergies.",
        minimum_age=16,
    ),
    DemoPlacement(
        "culture-events",
        "behind-the-scenes-of-a-festival",
        "Behind the scenes of a summer festival",
        "Help the events team get ready for the borough's summer festival: logistics, stewarding, social media and artists.",
        (
            "The events team plans festivals that bring thousands of people to the riverside. You join the planning meetings, help with stewarding plans and social media, and meet performers and technical crew.",
        ),
        ("Plan part of a large event", "Write social media posts for an audience", "Understand event safety"),
        ("work-shadowing", "project-task", "insight-day", "mentoring"),
        ("KS4", "KS5"),
        (
            (D(2027, 6, 28), D(2027, 7, 2), WEEKDAYS, 4),
            (D(2027, 7, 19), D(2027, 7, 23), "Monday to Friday, 11am to 6pm", 4),
        ),
        location=("Events team, Stockton Central Library", "Church Road\nStockton-on-Tees", "TS18 1TU"),
        travel_notes="Town centre bus routes. During the festival week we meet at the riverside events office; we send directions.",
    ),
    DemoPlacement(
        "culture-events",
        "museum-and-heritage-assistant",
        "Museum and heritage assistant",
        "Work with curators and the learning team at Preston Park Museum: objects, exhibitions and school visits.",
        (
            "You handle objects with a curator, help a school group on a museum visit, and research one object for a label in the next exhibition.",
        ),
        (
            "Handle and record museum objects",
            "Research and write an exhibition label",
            "Explain a museum to visitors",
        ),
        ("work-shadowing", "project-task"),
        ("KS4",),
        (
            (D(2027, 2, 22), D(2027, 2, 26), WEEKDAYS, 2),
            (D(2027, 5, 24), D(2027, 5, 28), WEEKDAYS, 2),
        ),
        location=("Preston Park Museum", "Yarm Road\nEaglescliffe", "TS18 3RH"),
        travel_notes="Buses stop outside on Yarm Road. Free parking for drop-off.",
        adjustments=(
            "step-free",
            "quiet-space",
            "job-coach",
            "visual-supports",
            "pre-visit",
            "accessible-toilet",
            "hearing-loop",
        ),
    ),
)

# (placement slug, window start, school URN or None, organisation, setting, young people,
#  year groups, status, contact role)
REQUESTS = (
    (
        "highways-engineering-week",
        D(2027, 3, 8),
        "900501",
        "",
        "college",
        2,
        ["Y12"],
        RequestStatus.ACCEPTED,
        "Careers Leader",
    ),
    (
        "library-assistant",
        D(2027, 2, 22),
        "900301",
        "",
        "special",
        1,
        ["Y11"],
        RequestStatus.PENDING,
        "Careers and Transition Lead",
    ),
    (
        "countryside-ranger-week",
        D(2027, 3, 15),
        None,
        "Stockton home-education network",
        "home-education",
        2,
        ["Y10", "Y11"],
        RequestStatus.WAITLISTED,
        "Network Coordinator",
    ),
    (
        "enterprise-insight-day",
        D(2027, 1, 20),
        "900101",
        "",
        "mainstream",
        6,
        ["Y10"],
        RequestStatus.ACCEPTED,
        "Careers Leader",
    ),
)


def team_for(demo: DemoTeam) -> CouncilTeam:
    """The demo team, reusing another app's demo team with the same slug or name."""
    existing = CouncilTeam.objects.filter(Q(slug=demo.slug) | Q(name=demo.name)).first()
    if existing:
        return existing
    return CouncilTeam.objects.create(
        slug=demo.slug,
        name=demo.name,
        directorate=demo.directorate,
        description=demo.description,
        contact_role=demo.contact_role,
        contact_email=f"{demo.slug}@example.org",
    )


def team_member(demo: DemoTeam, team: CouncilTeam, password: str) -> None:
    user, _ = get_user_model().objects.get_or_create(
        username=demo.username,
        defaults={
            "email": f"{demo.username}@example.org",
            "first_name": "Demo",
            "last_name": f"host ({team.name})",
        },
    )
    user.set_password(password)
    user.is_staff = False
    user.save()
    user.groups.add(team.group)
    role = Group.objects.filter(name=COUNCIL_TEAM_MEMBERS).first()
    if role:
        user.groups.add(role)


def windows_for(
    host: HostTeamPage, slug: str, specs: tuple[tuple[datetime.date, datetime.date, str, int], ...]
) -> list[AvailabilityWindow]:
    """The page's windows, reusing the existing ones (same dates) so their keys, and so the places
    taken, survive a reload."""
    page = PlacementPage.objects.child_of(host).filter(slug=slug).first()
    existing = {(w.start_date, w.end_date): w for w in page.windows.all()} if page else {}
    windows = []
    for start, end, days, places in specs:
        start, end = start + calendar.shift(), end + calendar.shift()  # into today's academic year
        window = existing.get((start, end)) or AvailabilityWindow(start_date=start, end_date=end)
        window.days_and_hours, window.places = days, places
        windows.append(window)
    return windows


def load_placement(host: HostTeamPage, item: DemoPlacement) -> PlacementPage:
    name, address, postcode = item.location
    page = upsert_page(
        host,
        PlacementPage,
        item.slug,
        title=item.title,
        summary=item.summary,
        body=[*paragraphs(*item.body)],
        learning_outcomes="\n".join(item.learning_outcomes),
        minimum_age=item.minimum_age,
        location_name=name,
        address=address,
        postcode=postcode,
        travel_notes=item.travel_notes,
        adjustments_notes=item.adjustments_notes,
        requirements=item.requirements,
        what_to_bring=item.what_to_bring,
        windows=windows_for(host, item.slug, item.windows),
        m2m={
            "activities": Activity.objects.filter(code__in=item.activities),
            "key_stages": KeyStage.objects.filter(code__in=item.key_stages),
            "settings": Setting.objects.filter(code__in=item.settings),
            "adjustments": Adjustment.objects.filter(code__in=item.adjustments),
            "meaningful_criteria": MeaningfulCriterion.objects.filter(code__in=item.criteria),
        },
    )
    if item.confirmed_days_ago:
        # Some listings have not been confirmed for a while, to show the flags and the expiry.
        confirmed = today() - datetime.timedelta(days=item.confirmed_days_ago)
        PlacementPage.objects.filter(pk=page.pk).update(last_confirmed=confirmed)
    return page


def load_request(row: tuple) -> None:
    slug, start, urn, organisation, setting, number, years, status, role = row
    window = WindowCapacity.objects.get(page__slug=slug, start_date=start + calendar.shift(), withdrawn=False)
    school = School.objects.filter(urn=urn).first() if urn else None
    email = f"{role.lower().replace(' ', '-')}@{(school.name if school else organisation).lower().replace(' ', '-')}.example.org"
    placement_request, created = PlacementRequest.objects.get_or_create(
        window=window,
        contact_email=email,
        defaults={
            "team_id": window.page.host_team_id,
            "setting": Setting.objects.get(code=setting),
            "school": school,
            "organisation_name": organisation,
            "contact_name": role,
            "contact_phone": "01642 000000",
            "young_people": number,
            "year_groups": years,
            "status": status,
        },
    )
    if not created:
        return
    RequestEvent.objects.create(
        placement_request=placement_request,
        actor=RequestEvent.Actor.REQUESTER,
        action=RequestEvent.Action.CREATED,
        to_status=RequestStatus.PENDING,
    )
    if status != RequestStatus.PENDING:
        RequestEvent.objects.create(
            placement_request=placement_request,
            actor=RequestEvent.Actor.HOST_TEAM,
            action=status,
            from_status=RequestStatus.PENDING,
            to_status=status,
        )
    if status == RequestStatus.ACCEPTED:
        WindowCapacity.objects.filter(pk=window.pk).update(places_taken=F("places_taken") + number)


def load_guide(index: PlacementIndexPage) -> None:
    upsert_page(
        index,
        StandardPage,
        "hosting-a-high-impact-placement",
        title="Hosting a high-impact placement",
        summary="A guide for council teams: how to plan a work placement for a KS4 or KS5 student that meets "
        "the Gatsby Benchmark 6 definition of a meaningful experience of a workplace.",
        show_in_menus=False,
        last_reviewed=calendar.ago(2026, 11, 1),
        body=[
            *paragraphs(
                "The council's action plan for career pathways asks every service that can to host work placements "
                "for KS4 and KS5 students, and to make them high impact: project-based activity, inspiration, "
                "identifying and developing skills, and mentoring, as well as traditional work shadowing.",
                "Placements are offered to schools and colleges, alternative provision, special schools, pupil "
                "referral units and young people who are educated at home, so plan for a wide range of young people.",
            ),
            heading("What makes a placement meaningful"),
            *paragraphs(
                "Since 2025, Gatsby Benchmark 6 asks for meaningful experiences of workplaces. Schools see on your "
                "listing which of these your placement meets, so tick only the ones it really does.",
            ),
            {
                "type": "steps",
                "value": {
                    "steps": [
                        {
                            "title": "A clear purpose, shared with the young person",
                            "text": "Agree with the school what the placement is for before it starts, and tell the young person on the first morning.",
                        },
                        {
                            "title": "Learning outcomes that fit the young person",
                            "text": "Write down two or three things they will know or be able to do by the end. List them on your placement page.",
                        },
                        {
                            "title": "Extensive two-way interaction with employees",
                            "text": "Give them time to ask questions and talk with staff, not just watch.",
                        },
                        {
                            "title": "Meeting a range of people from the workplace",
                            "text": "Plan short conversations with people in different roles: officers, managers, apprentices, technicians.",
                        },
                        {
                            "title": "A task set by the team",
                            "text": "Set a real project with something to show at the end: a survey, a design, a display, a guide.",
                        },
                        {
                            "title": "Feedback on their work",
                            "text": "Give written or spoken feedback on the task. It is what young people remember.",
                        },
                        {
                            "title": "Time to reflect",
                            "text": "End each day with ten minutes on what they learned, and send the school a short summary they can use afterwards.",
                        },
                    ]
                },
            },
            heading("Plan the week"),
            *paragraphs(
                "<b>Before:</b> agree the purpose and learning outcomes with the school, offer a visit before the "
                "placement if it would help, and ask what adjustments would help. The school keeps the young "
                "person's details and tells you only what you need.",
                "<b>During:</b> name one mentor for the week, start with a welcome and a safety briefing, mix "
                "shadowing with the project, and check in at the end of each day.",
                "<b>After:</b> give feedback on the project and tell the school how it went.",
            ),
            heading("Making it work for every young person"),
            *paragraphs(
                "Say on your listing which SEND adjustments you can offer, such as step-free access, a quiet space, "
                "shorter hours or a job coach. Schools tell you in their request what would help; they never send "
                "pupils' names through this portal.",
            ),
            heading("Listing and managing your placement"),
            *paragraphs(
                "Sign in to the admin, open your team's page under Work placements and add a placement. Give each "
                "window its dates, days, hours and the number of places, then publish it.",
                "Requests arrive in Work placements, Requests for places. Accept, put on the waiting list or "
                "decline each one: accepting takes the places, and the portal never lets a window be overbooked. "
                "Confirm your listings regularly, as the dashboard reminds you; listings that are not confirmed "
                "leave the directory until you confirm them again.",
            ),
        ],
    )


def load(home: HomePage) -> None:
    index = upsert_page(
        home,
        PlacementIndexPage,
        "placements",
        title="Work placements",
        intro="Work placements with Stockton-on-Tees Borough Council teams for KS4 and KS5 students, from schools, "
        "colleges, alternative provision, special schools and home education. Filter by key stage, dates and "
        "SEND adjustments, then ask for places.",
        show_in_menus=True,
    )
    password = demo_password()
    for demo in TEAMS:
        team = team_for(demo)
        host = setup_host_team(team, index)
        team.refresh_from_db()
        if password:
            team_member(demo, team, password)
        for item in PLACEMENTS:
            if item.team == demo.slug:
                load_placement(host, item)
    for row in REQUESTS:
        load_request(row)
    load_guide(index)
    # Visits, talks and other encounters for KS2 and KS3, with dates counted from today.
    from .demo_encounters import load as load_encounters

    load_encounters(home)
