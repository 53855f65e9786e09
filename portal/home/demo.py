"""Demo content for the site shell: the home page's routes, the accessibility statement, the
privacy notice and the area's schools (fictional names; URNs in the 9xxxxx range, which real
schools do not use, so nobody mistakes them for real records)."""

from portal.taxonomy.models import School

from . import demo_calendar as calendar
from .demo_tools import heading, paragraphs, upsert_page
from .models import HomePage, StandardPage

# The demo's two post-16 colleges, named once for every app's demo content (schools, the post-16
# directory, stories and events). Both are fictional, like the schools: real Stockton colleges are
# not named in made-up content.
SIXTH_FORM_COLLEGE = "Riverside Sixth Form College"
FE_COLLEGE = "Teesmouth College"
SCHOOLS = (
    ("Kingfisher Academy", "900101", School.Phase.SECONDARY, School.Kind.ACADEMY),
    ("Heron Vale School", "900102", School.Phase.SECONDARY, School.Kind.MAINTAINED),
    ("Teesbank Church of England Academy", "900103", School.Phase.SECONDARY, School.Kind.ACADEMY),
    ("Ironworks Free School", "900104", School.Phase.SECONDARY, School.Kind.FREE_SCHOOL),
    ("Ropewalk Primary School", "900201", School.Phase.PRIMARY, School.Kind.MAINTAINED),
    ("Lapwing Primary Academy", "900202", School.Phase.PRIMARY, School.Kind.ACADEMY),
    ("Saltholme Special School", "900301", School.Phase.SPECIAL, School.Kind.MAINTAINED),
    ("Bridgeway Learning Centre", "900401", School.Phase.ALTERNATIVE, School.Kind.MAINTAINED),
    (SIXTH_FORM_COLLEGE, "900501", School.Phase.POST_16, School.Kind.SIXTH_FORM),
    (FE_COLLEGE, "900502", School.Phase.POST_16, School.Kind.COLLEGE),
)


def route(heading_text: str, text: str, links: list[tuple[str, str]]) -> dict:
    return {
        "type": "route",
        "value": {
            "heading": heading_text,
            "text": text,
            "links": [{"label": label, "url": url, "page": None} for label, url in links],
        },
    }


def load(home: HomePage) -> None:
    for name, urn, phase, kind in SCHOOLS:
        School.objects.update_or_create(urn=urn, defaults={"name": name, "phase": phase, "kind": kind})

    home.title = "Careers education in Stockton-on-Tees"
    home.intro = (
        "One place for schools, colleges, council teams, parents and young people to find careers "
        "resources, work placements and local routes into work and learning."
    )
    home.routes = [
        route(
            "Teachers and careers leaders",
            "Lesson plans, activities, toolkits and good practice from Stockton schools, tagged by Gatsby Benchmark and key stage.",
            [
                ("Browse the resource bank", "/resources/"),
                ("Resources by Gatsby Benchmark", "/resources/benchmarks/"),
                ("Meeting the work experience duty", "/resources/meeting-the-work-experience-duty/"),
                ("Share your school's good practice", "/contributors/request-account/"),
            ],
        ),
        route(
            "Council teams",
            "List work placements your team can host for KS4 and KS5 students, and decide schools' requests.",
            [
                ("Work placements offered by council teams", "/placements/"),
                ("Hosting a high-impact placement", "/placements/hosting-a-high-impact-placement/"),
                ("Sign in to manage your team's listings", "/admin/"),
            ],
        ),
        route(
            "Parents and carers",
            "Understand the choices at 16 and how to help your child explore careers.",
            [
                ("Choices at 16", "/post-16/"),
                ("Open days and events", "/events/?audience=parents"),
                ("Resources for parents and carers", "/resources/?audience=parents"),
            ],
        ),
        route(
            "Young people",
            "Find out about jobs, apprenticeships and courses you can do here in Stockton-on-Tees.",
            [
                ("Stockton Born and Bred stories", "/stories/"),
                ("Choices at 16", "/post-16/"),
                ("Resources for young people", "/resources/?audience=young-people"),
            ],
        ),
    ]
    home.save_revision().publish()

    upsert_page(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        summary="How accessible this portal is, what to do if you cannot use part of it, and how to report a problem.",
        show_in_menus=False,
        last_reviewed=calendar.ago(2026, 11, 25),
        body=[
            *paragraphs(
                "Stockton-on-Tees Borough Council runs this portal. We want as many people as possible to be able to use it. "
                "You should be able to change colours, contrast levels and fonts, zoom in up to 400% without the text "
                "spilling off the screen, get around the portal using just a keyboard or speech recognition software, "
                "and listen to it using a screen reader."
            ),
            heading("How accessible this portal is"),
            *paragraphs(
                "Pages are built with GOV.UK Frontend components, work without JavaScript and are tested with "
                "automated checks and by keyboard. Some files to download, such as older lesson plans supplied by "
                "schools, may not be fully accessible. Ask us for an accessible version.",
            ),
            heading("Feedback and contact information"),
            *paragraphs(
                "If you find a problem, or need information in a different format such as accessible PDF, large print "
                "or easy read, email "
                '<a href="mailto:careers-portal@example.org">careers-portal@example.org</a>. We will reply within 10 working days.',
            ),
            heading("Enforcement procedure"),
            *paragraphs(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
                "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility "
                "regulations). If you are not happy with how we respond to your complaint, contact the Equality "
                "Advisory and Support Service (EASS).",
            ),
            heading("Technical information about this portal’s accessibility"),
            *paragraphs(
                "Stockton-on-Tees Borough Council is committed to making its website accessible, in accordance with "
                "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.",
            ),
            heading("Compliance status"),
            *paragraphs(
                "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA "
                "standard, due to the non-compliances listed below.",
            ),
            heading("Non-accessible content"),
            *paragraphs(
                "Some documents supplied by schools (PDF, Word, PowerPoint and Excel files) may not have tagged "
                "headings, a reading order or text alternatives for images. This fails WCAG 2.2 success criteria "
                "1.1.1 (non-text content) and 1.3.1 (info and relationships). Editors check each file when a school "
                f"submits it, and we plan to fix or replace older files by {calendar.long_date(calendar.day(2027, 8, 31))}.",
            ),
            heading("Content that is not within the scope of the accessibility regulations"),
            *paragraphs(
                "PDFs and other documents published before 23 September 2018 are exempt if they are not essential "
                "to providing our services. Films hosted by other organisations and shown in Born and Bred stories "
                "are third-party content we do not control; each story gives the person’s route in text as well.",
            ),
            heading("What we are doing to improve accessibility"),
            *paragraphs(
                "Every kind of page is checked automatically (axe-core, WCAG 2.0, 2.1 and 2.2 A and AA) and by "
                "keyboard-only journeys in a real browser each time the portal changes, and files from schools are "
                "reviewed before they are published.",
            ),
            heading("Preparation of this accessibility statement"),
            *paragraphs(
                f"This statement was prepared on {calendar.long_date(calendar.ago(2026, 11, 1))}. "
                f"It was last reviewed on {calendar.long_date(calendar.ago(2026, 11, 25))}.",
                f"The portal was last tested on {calendar.long_date(calendar.ago(2026, 11, 25))} by the council’s "
                "own developers, with automated "
                "checks on every page type and its forms with their errors, and by keyboard alone.",
            ),
        ],
    )
    upsert_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        summary="What this portal collects about you, why, and how long we keep it.",
        show_in_menus=False,
        last_reviewed=calendar.ago(2026, 11, 1),
        body=[
            *paragraphs(
                "We never ask for, or keep, the names or other details of pupils. When a school asks for work placement "
                "places or sends an enquiry, we keep the contact details of the member of staff who sent it, so that "
                "the council team can reply. We delete those contact details automatically once they are no longer "
                "needed, and keep only anonymous counts for reporting.",
                "We count search terms without knowing who searched, to improve the resource bank.",
                "Stockton-on-Tees Borough Council is the data controller. Contact the council's data protection "
                'officer through <a href="mailto:data-protection@example.org">data-protection@example.org</a>.',
            ),
        ],
    )
