"""Demo local employers: three approved through the same approval as the admin's (so each has
its host team page, group and account, exactly as a council team has), with six listings
between them, and one application still waiting for an editor. The organisations are made up;
contacts are roles with example.org addresses. Dates are counted from today."""

import datetime

from django.contrib.auth.hashers import make_password

from placements.demo_encounters import B5_ALL, Encounter, load_listings
from placements.models import PlacementIndexPage, today
from portal.home.demo_tools import demo_password
from portal.home.models import HomePage

from .approval import approve
from .models import DbsChecks, HostApplication, Sector

EMPLOYERS = (
    {
        "organisation_name": "Hartburn Precision Engineering",
        "sector": Sector.MANUFACTURING,
        "address": "Unit 4, Bowesfield Industrial Estate\nStockton-on-Tees",
        "postcode": "TS18 3HG",
        "contact_role": "Apprenticeships Manager",
        "contact_email": "apprenticeships@hartburn-engineering.example.org",
        "offers": ["workplace-visit", "insight-day", "mock-interviews"],
        "key_stages": ["KS3", "KS4", "KS5"],
        "offer_details": "A family-owned machine shop making parts for the offshore wind and process "
        "industries. We show young people CNC machining, quality inspection and what our apprentices do.",
        "dbs_checks": DbsChecks.ENHANCED,
    },
    {
        "organisation_name": "Northshore Digital Studio",
        "sector": Sector.DIGITAL,
        "address": "The Lightworks, Northshore\nStockton-on-Tees",
        "postcode": "TS18 2NB",
        "contact_role": "Studio Manager",
        "contact_email": "hello@northshore-digital.example.org",
        "offers": ["talk-in-school", "virtual-work-experience"],
        "key_stages": ["KS2", "KS3", "KS4"],
        "offer_details": "A small games and apps studio. Our developers and artists visit schools and run "
        "online work experience on designing a game level.",
        "dbs_checks": DbsChecks.WILL_ARRANGE,
    },
    {
        "organisation_name": "Elmtree Care Homes",
        "sector": Sector.HEALTH,
        "address": "Elmtree Lodge, Darlington Road\nStockton-on-Tees",
        "postcode": "TS18 5EJ",
        "contact_role": "Registered Manager",
        "contact_email": "manager@elmtree-care.example.org",
        "offers": ["workplace-visit", "work-placement"],
        "key_stages": ["KS4", "KS5"],
        "offer_details": "Two residential care homes. Sixth formers thinking about nursing or social care "
        "can see the jobs in a care home, from carers to the activities coordinator and the cook.",
        "dbs_checks": DbsChecks.ENHANCED,
    },
)

WAITING = {
    "organisation_name": "Tees Valley Bakery Co-operative",
    "sector": Sector.HOSPITALITY,
    "address": "Bridge Road\nStockton-on-Tees",
    "postcode": "TS18 3AW",
    "contact_role": "Operations Lead",
    "contact_email": "operations@tv-bakery.example.org",
    "offers": ["workplace-visit"],
    "key_stages": ["KS2", "KS3"],
    "offer_details": "A bakery and café. Classes can watch the early-morning bake and meet our apprentices.",
    "dbs_checks": DbsChecks.NOT_NEEDED,
}

BOWESFIELD = (
    "Hartburn Precision Engineering",
    "Unit 4, Bowesfield Industrial Estate\nStockton-on-Tees",
    "TS18 3HG",
)
NORTHSHORE = ("Northshore Digital Studio", "The Lightworks, Northshore\nStockton-on-Tees", "TS18 2NB")
ELMTREE = ("Elmtree Lodge", "Darlington Road\nStockton-on-Tees", "TS18 5EJ")

LISTINGS: tuple[Encounter, ...] = (
    Encounter(
        "hartburn-precision-engineering",
        "machine-shop-visit",
        "workplace-visit",
        "Machine shop visit: how parts for wind turbines are made",
        "A morning in a working machine shop: watch CNC machines cut steel, try a quality check and meet our apprentices.",
        (
            "Groups of up to 15 tour the shop floor with an engineer and an apprentice, then measure real parts in the inspection room.",
        ),
        ("Describe how a part is made and checked", "Know what an engineering apprenticeship involves"),
        ("KS3", "KS4"),
        3,
        ((24, 130, "Tuesday and Thursday mornings, 9am to 12pm", 45),),
        BOWESFIELD,
        activities=("insight-day", "work-shadowing"),
        requirements="Closed-toe shoes. We lend safety glasses and ear defenders.",
    ),
    Encounter(
        "hartburn-precision-engineering",
        "engineering-insight-day-year-9",
        "insight-day",
        "Engineering insight day for Year 9",
        "Before choosing GCSE options, spend a day with engineers: design a simple part, see it made and hear how each person got their job.",
        (
            "Pupils design a bracket on paper, watch it machined, and get feedback from the engineer who checked it.",
        ),
        ("Read a simple technical drawing", "Know the routes into engineering", "Take feedback on a design"),
        ("KS3",),
        5,
        ((45, 45, "One day, 9am to 2:30pm", 12), (110, 110, "One day, 9am to 2:30pm", 12)),
        BOWESFIELD,
        activities=("insight-day", "project-task"),
    ),
    Encounter(
        "hartburn-precision-engineering",
        "mock-interviews-engineering",
        "mock-interviews",
        "Mock interviews for engineering apprenticeships",
        "Our apprenticeships manager and a former apprentice come to your school to give mock interviews, with written feedback.",
        ("Twenty-minute interviews based on a real apprenticeship interview, then feedback.",),
        ("Prepare for an apprenticeship interview", "Use feedback to improve"),
        ("KS4", "KS5"),
        1,
        ((30, 150, "School days, 9am to 3pm", 40),),
        BOWESFIELD,
        activities=("skills-identification",),
    ),
    Encounter(
        "northshore-digital-studio",
        "virtual-game-design-week",
        "virtual-work-experience",
        "Virtual work experience: design a game level",
        "Four online sessions with our developers and artists, and a game level to design in between, with feedback from the team.",
        ("Pupils join from school, work in small teams and present their level to the studio at the end.",),
        ("Explain how a game is made", "Design and present a game level", "Work in a team online"),
        ("KS3", "KS4"),
        6,
        ((42, 63, "Four Monday afternoons online, 2pm to 3:30pm", 90),),
        NORTHSHORE,
        activities=("virtual", "project-task"),
        travel_notes="Online: a classroom with a screen and speakers.",
    ),
    Encounter(
        "northshore-digital-studio",
        "coding-talk-year-6",
        "talk-in-school",
        "From playground to games studio: a talk for Year 6",
        "A developer and an artist visit your school to show how a game is made and let pupils change a simple game themselves.",
        ("A lively hour for one or two classes, with tablets provided.",),
        ("Name jobs in the games industry", "Change a simple program and see what happens"),
        ("KS2",),
        1,
        ((18, 120, "School days, 9am to 3pm", 180),),
        NORTHSHORE,
        activities=("skills-identification",),
    ),
    Encounter(
        "elmtree-care-homes",
        "care-home-visit",
        "workplace-visit",
        "Jobs in a care home: a visit for sixth formers",
        "Meet carers, a nurse, the activities coordinator and the cook, and find out what it takes to work in social care.",
        (
            "Small groups spend a morning with staff, away from residents' private rooms, and talk through the routes into care and nursing.",
        ),
        ("Name the jobs in a care home", "Know the routes into nursing and social care"),
        ("KS4", "KS5"),
        3,
        ((35, 140, "Wednesday mornings, 10am to 1pm", 24),),
        ELMTREE,
        activities=("insight-day", "work-shadowing"),
        criteria=B5_ALL,
        adjustments=("step-free", "accessible-toilet", "quiet-space"),
    ),
)


def application(details: dict, password: str | None) -> HostApplication:
    """The employer's application, made once (by email address)."""
    fields = {key: value for key, value in details.items() if key != "username"}
    existing = HostApplication.objects.filter(contact_email=fields["contact_email"]).first()
    if existing:
        return existing
    return HostApplication.objects.create(
        **fields,
        website="",
        contact_name=fields["contact_role"],
        contact_phone="01642 000000",
        safeguarding_name="Designated Safeguarding Lead",
        safeguarding_role="Designated Safeguarding Lead",
        liability_insurance=True,
        insurer="A UK employer's liability insurer",
        insurance_expires=today() + datetime.timedelta(days=200),
        password_hash=make_password(password) if password else "",
    )


def load(home: HomePage) -> None:
    index = PlacementIndexPage.objects.child_of(home).first()
    if index is None:
        return
    password = demo_password()
    for details in EMPLOYERS:
        employer = application(details, password)
        if employer.status == HostApplication.Status.PENDING:
            approve(employer, tell=False)
    application(WAITING, None)
    load_listings(index, LISTINGS)
