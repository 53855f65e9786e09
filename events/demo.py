"""Demo events for the 2026 to 2027 academic year, moved to the current one when they load
(portal/home/demo_calendar.py): six Careers Network meetings, the careers roadshow in three
secondary schools and the large careers event for 500 young people and parents, the post-16
providers' open days (the directory demo's, so the provider pages, the events list and the
open-day feed agree), apprenticeship events, the summer-school enterprise and business weeks, and
the CPD programme (Thrive, Theraplay, Trauma-Informed Practice, Emotion Coaching). The previous
year's six network meetings are included with attendance, so the success-measure report has a
complete year to show. Organisers are teams and roles, never people; links go to example.org."""

import datetime
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone

from portal.home import demo_calendar as calendar
from portal.home.demo import FE_COLLEGE as FE_COLLEGE_NAME
from portal.home.demo import SIXTH_FORM_COLLEGE
from portal.home.demo_tools import upsert_page
from portal.home.models import HomePage
from portal.taxonomy.models import Audience, CouncilTeam, School

from . import demo_attendance
from .models import EventIndexPage, EventKind, EventPage, NetworkAttendance

TEAMS = {
    "employment-training-hub": (
        "Employment and Training Hub",
        "Regeneration and Inclusive Growth",
        "Helps residents into work, training and apprenticeships, and links schools with local employers.",
        "Careers and Skills Officer",
        "employment-hub@example.org",
    ),
    "education-improvement": (
        "Education Improvement Service",
        "Children's Services",
        "Supports schools with school improvement, training for staff and the careers network.",
        "Careers Network Coordinator",
        "education-improvement@example.org",
    ),
}

COUNCIL_OFFICES = ("Council offices, meeting room 3", "Church Road\nStockton-on-Tees")
SIXTH_FORM = (SIXTH_FORM_COLLEGE, "Stockton-on-Tees")
FE_COLLEGE = (FE_COLLEGE_NAME, "Stockton-on-Tees")


class DemoEvent(NamedTuple):
    slug: str
    title: str
    kind: str
    summary: str
    start: tuple[int, int, int, int, int]  # local time: year, month, day, hour, minute
    end: tuple[int, int, int, int, int]
    audiences: tuple[str, ...]
    place: tuple[str, str] = ("", "")
    online_url: str = ""
    team: str | None = None
    organiser: str = ""
    booking_url: str = ""
    places: int | None = None
    booking_details: str = ""


def network_meeting(day: tuple[int, int, int], topic: str) -> DemoEvent:
    year, month, date = day
    return DemoEvent(
        f"careers-network-{year}-{month:02d}",
        f"Careers Network meeting: {datetime.date(year, month, 1):%B %Y}",
        EventKind.NETWORK_MEETING,
        f"The termly meeting of careers leads from Stockton's secondary schools and colleges. This time: {topic}",
        (year, month, date, 15, 30),
        (year, month, date, 17, 0),
        ("teachers",),
        place=COUNCIL_OFFICES,
        online_url="https://meet.example.org/stockton-careers-network",
        team="education-improvement",
        booking_details="Open to the careers lead of every secondary school and college in the borough. No need to book.",
    )


NETWORK_2025_26 = (
    ((2025, 9, 24), "priorities for the year and the Year 11 destinations survey."),
    ((2025, 11, 19), "NEET figures for Stockton and how schools can spot young people at risk early."),
    ((2026, 1, 21), "the 2025 Gatsby Benchmarks and what “meaningful” now means."),
    ((2026, 3, 18), "planning two weeks' worth of work experience with council placements."),
    ((2026, 5, 13), "the post-16 providers' partnership and sharing the local offer."),
    ((2026, 7, 8), "what worked this year, and the shared action plan for next year."),
)
NETWORK_2026_27 = (
    ((2026, 9, 23), "the year's calendar, the roadshow and the careers event in March."),
    ((2026, 11, 18), "employment and industrial development in the Tees Valley, with Economic Development."),
    ((2027, 1, 20), "using young people's voice from the Year 11 and Year 12 surveys."),
    ((2027, 3, 17), "apprenticeships: what local employers are offering for September."),
    ((2027, 5, 12), "supporting pupils with SEND into placements and post-16 routes."),
    ((2027, 7, 7), "the year in review and the success measures."),
)

EVENTS: tuple[DemoEvent, ...] = (
    *(network_meeting(day, topic) for day, topic in NETWORK_2025_26 + NETWORK_2026_27),
    *(
        DemoEvent(
            f"careers-roadshow-{slug}",
            f"Careers roadshow at {school}",
            EventKind.ROADSHOW,
            "The council's careers roadshow visits the school for a day: local employers, colleges and apprenticeship "
            "providers run stands and workshops for Years 9 to 11, and parents are welcome after school.",
            (2027, 2, day, 9, 0),
            (2027, 2, day, 18, 0),
            ("young-people", "parents", "teachers"),
            place=(school, "Stockton-on-Tees"),
            team="employment-training-hub",
            booking_details="For pupils of the school and their families; the school's careers lead organises the day.",
        )
        for slug, school, day in (
            ("kingfisher-academy", "Kingfisher Academy", 2),
            ("heron-vale-school", "Heron Vale School", 9),
            ("teesbank-academy", "Teesbank Church of England Academy", 16),
        )
    ),
    DemoEvent(
        "stockton-careers-and-skills-festival-2027",
        "Stockton Careers and Skills Festival",
        EventKind.CAREERS_FAIR,
        "The borough's big careers event for young people and their parents and carers: over 60 employers, colleges, "
        "universities and apprenticeship providers under one roof, with Born and Bred speakers.",
        (2027, 3, 4, 16, 0),
        (2027, 3, 4, 19, 30),
        ("young-people", "parents", "teachers"),
        place=(f"{FE_COLLEGE[0]}, sports hall", FE_COLLEGE[1]),
        team="employment-training-hub",
        booking_url="https://booking.example.org/careers-festival-2027",
        places=500,
    ),
    DemoEvent(
        "autumn-careers-fair-2026",
        "Autumn careers fair for Years 11 to 13",
        EventKind.CAREERS_FAIR,
        "Meet local employers and training providers before post-16 and post-18 applications open.",
        (2026, 10, 8, 15, 30),
        (2026, 10, 8, 18, 30),
        ("young-people", "parents"),
        place=SIXTH_FORM,
        team="employment-training-hub",
        booking_details="No need to book.",
    ),
    DemoEvent(
        "apprenticeships-at-the-council-2027",
        "Apprenticeships at the council: National Apprenticeship Week",
        EventKind.APPRENTICESHIP,
        "Meet the council's apprentices and their managers, from highways to finance to care, and find out how to apply.",
        (2027, 2, 10, 10, 0),
        (2027, 2, 10, 14, 0),
        ("young-people", "parents"),
        place=COUNCIL_OFFICES,
        team="employment-training-hub",
        booking_url="https://booking.example.org/council-apprenticeships-2027",
        places=120,
    ),
    DemoEvent(
        "apprenticeships-explained-for-parents-2027",
        "Apprenticeships explained: an online evening for parents and carers",
        EventKind.APPRENTICESHIP,
        "What an apprenticeship is, what it leads to, pay and how to help your child apply. Questions welcome.",
        (2027, 3, 10, 18, 30),
        (2027, 3, 10, 19, 30),
        ("parents",),
        online_url="https://meet.example.org/apprenticeships-for-parents",
        team="employment-training-hub",
        booking_url="https://booking.example.org/apprenticeships-for-parents",
    ),
    DemoEvent(
        "apprenticeship-recruitment-fair-2027",
        "Apprenticeship recruitment fair",
        EventKind.APPRENTICESHIP,
        "Local employers with apprenticeship vacancies starting in September 2027. Bring a CV if you have one.",
        (2027, 6, 3, 15, 0),
        (2027, 6, 3, 18, 0),
        ("young-people", "parents", "employers"),
        place=FE_COLLEGE,
        team="employment-training-hub",
        booking_details="No need to book.",
    ),
    DemoEvent(
        "summer-school-enterprise-week-2027",
        "Summer-school enterprise week",
        EventKind.SUMMER_SCHOOL,
        "Five days for Years 9 and 10: work in teams to plan a business, meet local entrepreneurs and pitch to a panel on Friday.",
        (2027, 7, 26, 10, 0),
        (2027, 7, 30, 15, 0),
        ("young-people",),
        place=COUNCIL_OFFICES,
        team="employment-training-hub",
        booking_url="https://booking.example.org/enterprise-week-2027",
        places=40,
    ),
    DemoEvent(
        "summer-school-business-week-2027",
        "Summer-school business week",
        EventKind.SUMMER_SCHOOL,
        "Five days for Years 11 and 12 behind the scenes at local businesses and council teams, with a project to present.",
        (2027, 8, 9, 10, 0),
        (2027, 8, 13, 15, 0),
        ("young-people",),
        place=COUNCIL_OFFICES,
        team="employment-training-hub",
        booking_url="https://booking.example.org/business-week-2027",
        places=30,
    ),
    *(
        DemoEvent(
            f"cpd-{slug}",
            title,
            EventKind.CPD,
            summary,
            start,
            end,
            ("teachers",),
            place=COUNCIL_OFFICES,
            team="education-improvement",
            booking_url=f"https://training.example.org/{slug}",
            places=30,
        )
        for slug, title, summary, start, end in (
            (
                "thrive-2026",
                "Thrive: supporting emotional development and resilience",
                "A day's introduction to the Thrive approach for school staff.",
                (2026, 10, 14, 9, 30),
                (2026, 10, 14, 15, 30),
            ),
            (
                "emotion-coaching-2027",
                "Emotion Coaching: helping children manage and express emotions",
                "An afternoon of practical strategies for classroom and support staff.",
                (2027, 1, 27, 13, 30),
                (2027, 1, 27, 16, 0),
            ),
            (
                "trauma-informed-practice-2027",
                "Trauma-Informed Practice: understanding and responding to trauma",
                "How trauma affects learning and behaviour, and what schools can do.",
                (2027, 4, 21, 9, 30),
                (2027, 4, 21, 15, 30),
            ),
            (
                "theraplay-2027",
                "Theraplay: building attachment and positive connections",
                "An introduction to Theraplay-informed activities for school staff.",
                (2027, 6, 9, 9, 30),
                (2027, 6, 9, 12, 30),
            ),
        )
    ),
)

# Meetings attended by each (demo) secondary school or college, by URN, in order of the meetings.
# 2025 to 2026: every school came to at least one; four of six came to all six (67%, short of 80%).
ATTENDANCE_2025_26 = {
    "900101": (1, 1, 1, 1, 1, 1),
    "900102": (1, 1, 1, 1, 1, 1),
    "900103": (1, 1, 0, 1, 1, 1),
    "900104": (1, 1, 1, 1, 1, 1),
    "900501": (1, 1, 1, 1, 1, 1),
    "900502": (1, 0, 1, 0, 1, 1),
    "900301": (0, 1, 0, 0, 1, 0),  # the special school comes too, though it is not in the measure
}
ATTENDANCE_2026_27 = {
    "900101": (1, 1),
    "900102": (1, 1),
    "900103": (1, 0),
    "900104": (1, 1),
    "900501": (1, 1),
    "900502": (0, 1),
}


def team(slug: str) -> CouncilTeam:
    """The demo team, reusing one another app's demo created with the same slug or name."""
    name, directorate, description, role, email = TEAMS[slug]
    existing = CouncilTeam.objects.filter(Q(slug=slug) | Q(name=name)).first()
    if existing:
        return existing
    return CouncilTeam.objects.create(
        slug=slug,
        name=name,
        directorate=directorate,
        description=description,
        contact_role=role,
        contact_email=email,
    )


def open_days() -> list[DemoEvent]:
    """Every post-16 provider's open days, as the directory's demo gives them to the provider's
    page, so the events list, the open-day calendar feed and the provider's page agree."""
    from directory.demo import open_day_dates
    from directory.demo_data import LOCATIONS, PROVIDERS

    found = []
    for provider in PROVIDERS:
        place = LOCATIONS[provider.location]
        for n, date in enumerate(open_day_dates(provider.open_day_weeks), start=1):
            day = (date.year, date.month, date.day)
            found.append(
                DemoEvent(
                    f"{provider.slug}-open-day-{n}",
                    f"{provider.title} open day",
                    EventKind.OPEN_DAY,
                    f"{provider.summary} {provider.open_day_details}",
                    (*day, 10, 0),  # the provider page's open days run from 10am to 1pm
                    (*day, 13, 0),
                    ("young-people", "parents"),
                    place=(
                        place.name,
                        "\n".join(filter(None, (place.address_1, place.town, place.postcode))),
                    ),
                    organiser=f"Admissions team, {provider.title}",
                    booking_url=provider.website,
                )
            )
    return found


def aware(parts: tuple[int, int, int, int, int]) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=timezone.get_default_timezone())


def meeting_slug(day: tuple[int, int, int]) -> str:
    return calendar.restamp(f"careers-network-{day[0]}-{day[1]:02d}", first=calendar.WRITTEN_FOR - 1)


def record_attendance(meetings: tuple, attendance: dict[str, tuple[int, ...]]) -> None:
    schools = School.objects.in_bulk(list(attendance), field_name="urn")
    for position, (day, _) in enumerate(meetings):
        meeting = EventPage.objects.get(slug=meeting_slug(day))
        if meeting.start > timezone.now():
            continue
        record, _ = NetworkAttendance.objects.get_or_create(meeting=meeting)
        came = [
            schools[urn]
            for urn, marks in attendance.items()
            if urn in schools and position < len(marks) and marks[position]
        ]
        record.schools.set(came)


def load(home: HomePage) -> None:
    index = upsert_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        intro="Careers fairs, the careers roadshow, college open days, apprenticeship events, summer schools, "
        "training for school staff and Careers Network meetings. Subscribe to the calendar to keep up to date.",
        show_in_menus=True,
    )
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    for event in EVENTS:
        save_event(index, event, audiences)
    for event in open_days():  # already today's dates: the directory counts them in weeks from now
        save_event(index, event, audiences, move=False)
    record_attendance(NETWORK_2025_26, ATTENDANCE_2025_26)
    record_attendance(NETWORK_2026_27, ATTENDANCE_2026_27)
    demo_attendance.load()


def save_event(index: EventIndexPage, event: DemoEvent, audiences: dict, move: bool = True) -> None:
    """Create or update the event page (by slug); `move` puts a date of the demo's year in today's."""
    # Slugs and titles of last year's meetings name last year; summaries may name history.
    named = event.slug.startswith("careers-network-")
    first = calendar.WRITTEN_FOR - 1 if named else calendar.WRITTEN_FOR
    upsert_page(
        index,
        EventPage,
        calendar.restamp(event.slug, first),
        title=calendar.restamp(event.title, first),
        kind=event.kind,
        summary=calendar.restamp(event.summary),
        start=calendar.moment(*event.start) if move else aware(event.start),
        end=calendar.moment(*event.end) if move else aware(event.end),
        venue=event.place[0],
        address=event.place[1],
        online_url=event.online_url,
        organiser_team=team(event.team) if event.team else None,
        organiser=event.organiser,
        booking_url=calendar.restamp(event.booking_url),
        places=event.places,
        booking_details=calendar.restamp(event.booking_details),
        m2m={"audiences": [audiences[code] for code in event.audiences]},
    )
