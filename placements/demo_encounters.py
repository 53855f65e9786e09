"""Demo encounters with council teams for KS2 and KS3 (and a few for older pupils): visits, talks
in school, an insight day, virtual work experience, a careers fair stand and mock interviews, so a
careers leader planning Years 3 to 11 finds something for every year group. Dates are counted from
today, so the demo never goes stale; a few requests show the status page, an agreed date and the
dashboard's figures. The hosts app's demo adds local employers' offers the same way."""

import datetime
from typing import NamedTuple

from django.db.models import F

from portal.home.demo_tools import paragraphs, upsert_page
from portal.home.models import HomePage
from portal.taxonomy.models import KeyStage, MeaningfulCriterion, School, Setting

from .demo import windows_for
from .models import (
    Activity,
    Adjustment,
    HostTeamPage,
    PlacementIndexPage,
    PlacementPage,
    PlacementRequest,
    RequestEvent,
    RequestStatus,
    WindowCapacity,
    today,
)

ALL_SETTINGS = ("mainstream", "special", "ap-pru", "home-education")
B5_ALL = ("b5-clear-purpose", "b5-learning-outcomes", "b5-two-way", "b5-reflection")
STEP_FREE = ("step-free", "quiet-space", "accessible-toilet", "visual-supports", "pre-visit")
# (days from today to the first day, days from today to the last day, days and hours, places)
Window = tuple[int, int, str, int]


class Encounter(NamedTuple):
    """One demo listing; `host` is a host team page's slug."""

    host: str
    slug: str
    kind: str
    title: str
    summary: str
    body: tuple[str, ...]
    learning_outcomes: tuple[str, ...]
    key_stages: tuple[str, ...]
    hours_each: int
    windows: tuple[Window, ...]
    location: tuple[str, str, str]
    activities: tuple[str, ...] = ("insight-day",)
    criteria: tuple[str, ...] = B5_ALL
    adjustments: tuple[str, ...] = STEP_FREE
    settings: tuple[str, ...] = ALL_SETTINGS
    travel_notes: str = ""
    requirements: str = ""
    what_to_bring: str = ""


MUNICIPAL = ("Municipal Buildings", "Church Road\nStockton-on-Tees", "TS18 1LD")
LIBRARY = ("Stockton Central Library", "Church Road\nStockton-on-Tees", "TS18 1TU")
PRESTON_PARK = ("Preston Park", "Yarm Road\nEaglescliffe", "TS18 3RH")

ENCOUNTERS: tuple[Encounter, ...] = (
    Encounter(
        "libraries",
        "library-jobs-visit",
        "workplace-visit",
        "Who works in a library? A visit for Years 5 and 6",
        "A morning behind the scenes at Stockton Central Library: meet the people who buy the books, run events and help residents get online.",
        (
            "Pupils tour the parts of the library the public never sees, meet four members of staff in different jobs and ask them about their work.",
            "Back in class, the teacher uses our follow-up sheet so pupils can write about one job they would like to try.",
        ),
        ("Name four jobs in a library", "Ask good questions about someone's job"),
        ("KS2",),
        3,
        ((21, 60, "Tuesday or Thursday mornings, 9:30am to 12:30pm", 60), (90, 150, "Tuesday mornings", 60)),
        LIBRARY,
        travel_notes="Coaches can drop off on Church Road.",
    ),
    Encounter(
        "parks-countryside",
        "rangers-day-at-preston-park",
        "workplace-visit",
        "A day with the rangers at Preston Park",
        "Pupils spend a day with the countryside rangers: pond dipping, a habitat survey and a talk about how parks are looked after.",
        (
            "Rangers explain what their job involves, from tree safety to running volunteer days, and pupils do a short survey the team really uses.",
        ),
        ("Describe what a ranger does", "Carry out a simple survey", "Know the routes into outdoor jobs"),
        ("KS2", "KS3"),
        5,
        ((30, 120, "Weekdays, 9:30am to 2:30pm (one class a day)", 90),),
        PRESTON_PARK,
        activities=("insight-day", "project-task"),
        adjustments=("quiet-space", "accessible-toilet", "pre-visit"),
        what_to_bring="Outdoor clothes and wellies, a packed lunch.",
    ),
    Encounter(
        "highways-transport",
        "bridges-and-roads-talk",
        "talk-in-school",
        "Bridges and roads: an engineer's talk in your school",
        "A highways engineer visits your school with a model bridge challenge and talks about building and looking after the borough's roads.",
        (
            "A 45-minute talk and challenge for one class at a time: pupils test model bridges and hear how an engineer got into the job.",
        ),
        ("Explain what a civil engineer does", "Work in a team to test a design"),
        ("KS2", "KS3"),
        1,
        ((14, 120, "School days, 9am to 3pm", 240),),
        MUNICIPAL,
        activities=("skills-identification",),
    ),
    Encounter(
        "digital-ict",
        "virtual-work-experience-online-services",
        "virtual-work-experience",
        "Virtual work experience: design an online council service",
        "Three online sessions with the digital team and a task to complete in between: design a simple online form residents can use.",
        (
            "Each session is an hour online with a designer, a developer and a service owner. Pupils design a form and get feedback on it.",
        ),
        (
            "Explain how an online service is designed",
            "Test a design with users",
            "Take feedback on your work",
        ),
        ("KS3", "KS4"),
        5,
        ((35, 56, "Three Wednesday afternoons online, 1:30pm to 2:30pm", 120),),
        MUNICIPAL,
        activities=("virtual", "project-task"),
        travel_notes="Online: the school joins from a classroom with a screen and speakers.",
    ),
    Encounter(
        "economic-growth",
        "careers-fair-stand-local-growth",
        "careers-fair",
        "Careers fair stand: jobs in Stockton's growing businesses",
        "The business engagement team brings a stand to your careers fair about the jobs local businesses are recruiting for.",
        ("Pupils talk to business advisers about local jobs, apprenticeships and starting a business.",),
        ("Know which local sectors are growing", "Know where to find local vacancies"),
        ("KS3", "KS4", "KS5"),
        1,
        ((20, 200, "Your fair's date and times", 600),),
        MUNICIPAL,
        activities=("skills-identification",),
    ),
    Encounter(
        "environmental-health",
        "food-safety-detectives",
        "talk-in-school",
        "Food safety detectives: a workshop in your school",
        "An environmental health officer runs a hands-on workshop: inspect a pretend kitchen and decide its hygiene rating.",
        (
            "Pupils work in teams as inspectors, then compare their rating with the officer's and talk about the job.",
        ),
        (
            "Explain how a hygiene rating is decided",
            "Know the route to becoming an environmental health officer",
        ),
        ("KS3",),
        2,
        ((28, 140, "School days, one double lesson", 150),),
        MUNICIPAL,
        activities=("project-task",),
    ),
    Encounter(
        "culture-events",
        "festival-insight-day",
        "insight-day",
        "Insight day: putting on a festival",
        "A day with the events team at the riverside: meet the planners, stewards, technicians and marketing officers behind the summer festival.",
        (
            "Pupils meet people in five roles, plan part of a small event in teams and present it to the events manager for feedback.",
        ),
        ("Name the jobs that make an event happen", "Plan part of an event in a team", "Present an idea"),
        ("KS3", "KS4"),
        5,
        ((40, 40, "One day, 9:30am to 2:30pm", 30), (100, 100, "One day, 9:30am to 2:30pm", 30)),
        LIBRARY,
        activities=("insight-day", "project-task"),
    ),
    Encounter(
        "childrens-business-support",
        "mock-interviews-year-11",
        "mock-interviews",
        "Mock interviews for Year 11 and sixth form",
        "Council managers come to your school to give mock interviews for apprenticeships and college places, with written feedback for each young person.",
        ("Each interview lasts 20 minutes, followed by ten minutes of feedback the young person keeps.",),
        ("Prepare for an interview", "Answer questions with examples", "Use feedback to improve"),
        ("KS4", "KS5"),
        1,
        ((25, 110, "School days, 9am to 3pm", 80),),
        MUNICIPAL,
        activities=("skills-identification", "mentoring"),
    ),
)

# (listing slug, window offset, school URN, pupils, year groups, status, preferred days from/to, agreed day)
REQUESTS = (
    ("festival-insight-day", 40, "900101", 24, ["Y8"], RequestStatus.ACCEPTED, None),
    ("bridges-and-roads-talk", 14, "900201", 30, ["Y5"], RequestStatus.ACCEPTED, (20, 30, 24)),
    ("rangers-day-at-preston-park", 30, "900202", 28, ["Y6"], RequestStatus.ACCEPTED, None),
    ("food-safety-detectives", 28, "900102", 60, ["Y9"], RequestStatus.PENDING, (35, 50, None)),
)


def days(offset: int) -> datetime.date:
    return today() + datetime.timedelta(days=offset)


def load_encounter(host: HostTeamPage, item: Encounter) -> PlacementPage:
    """The listing, created or refreshed, published (a revision, as an editor's publish makes)."""
    name, address, postcode = item.location
    windows = tuple((days(first), days(last), hours, places) for first, last, hours, places in item.windows)
    return upsert_page(
        host,
        PlacementPage,
        item.slug,
        title=item.title,
        kind=item.kind,
        summary=item.summary,
        body=[*paragraphs(*item.body)],
        learning_outcomes="\n".join(item.learning_outcomes),
        hours_each=item.hours_each,
        location_name=name,
        address=address,
        postcode=postcode,
        travel_notes=item.travel_notes,
        requirements=item.requirements,
        what_to_bring=item.what_to_bring,
        windows=windows_for(host, item.slug, windows),
        m2m={
            "activities": Activity.objects.filter(code__in=item.activities),
            "key_stages": KeyStage.objects.filter(code__in=item.key_stages),
            "settings": Setting.objects.filter(code__in=item.settings),
            "adjustments": Adjustment.objects.filter(code__in=item.adjustments),
            "meaningful_criteria": MeaningfulCriterion.objects.filter(code__in=item.criteria),
        },
    )


def load_request(row: tuple) -> None:
    """A school's request, once: accepted ones take their places as booking.decide would."""
    slug, offset, urn, pupils, years, status, dates = row
    window = WindowCapacity.objects.filter(page__slug=slug, start_date=days(offset), withdrawn=False).first()
    school = School.objects.filter(urn=urn).first()
    if window is None or school is None:
        return
    preferred_from, preferred_to, agreed = (None, None, None) if dates is None else dates
    placement_request, created = PlacementRequest.objects.get_or_create(
        window=window,
        school=school,
        defaults={
            "team_id": window.page.host_team_id,
            "setting": Setting.objects.get(code="mainstream"),
            "contact_name": "Careers Leader",
            "contact_email": f"careers-leader@{urn}.example.org",
            "contact_phone": "01642 000000",
            "young_people": pupils,
            "year_groups": years,
            "status": status,
            "preferred_from": days(preferred_from) if preferred_from is not None else None,
            "preferred_to": days(preferred_to) if preferred_to is not None else None,
            "agreed_date": days(agreed) if agreed is not None else None,
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
    if status == RequestStatus.ACCEPTED:
        RequestEvent.objects.create(
            placement_request=placement_request,
            actor=RequestEvent.Actor.HOST_TEAM,
            action=RequestEvent.Action.ACCEPTED,
            from_status=RequestStatus.PENDING,
            to_status=status,
        )
        WindowCapacity.objects.filter(pk=window.pk, places_taken__lte=F("places") - pupils).update(
            places_taken=F("places_taken") + pupils
        )


def load_listings(index: PlacementIndexPage, encounters: tuple[Encounter, ...]) -> None:
    hosts = {page.slug: page for page in HostTeamPage.objects.child_of(index)}
    for item in encounters:
        if item.host in hosts:
            load_encounter(hosts[item.host], item)


def load(home: HomePage) -> None:
    index = PlacementIndexPage.objects.child_of(home).first()
    if index is None:
        return
    upsert_page(
        home,
        PlacementIndexPage,
        index.slug,
        title=index.title,
        intro="Work placements, workplace visits, insight days, talks in school and other encounters with "
        "Stockton-on-Tees Borough Council teams and local employers, from KS2 to KS5. Filter by what it is, "
        "key stage, dates and SEND adjustments, then ask for places.",
        show_in_menus=True,
    )
    load_listings(index, ENCOUNTERS)
    for row in REQUESTS:
        load_request(row)
