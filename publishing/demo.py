"""Demo content for publishing (runs last): the roles, an editor, a reporting user and a school
contributor (council officers come with the placements demo), the contributor's case study waiting
in Editor review, and a request from school staff waiting for an editor. Accounts get a password only where the demo admin does (DEMO_ADMIN_PASSWORD, or the
development password when DEBUG is on); otherwise they exist without a usable password."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.home import demo_calendar as calendar
from portal.home.demo_tools import demo_password, heading, paragraphs
from portal.home.models import HomePage
from portal.taxonomy.models import Benchmark, KeyStage, School
from resources.models import ResourceIndexPage, ResourceKind, ResourcePage

from .models import ContributorRequest
from .roles import EDITORS, REPORTING, SCHOOL_CONTRIBUTORS, setup_roles

CASE_STUDY_SLUG = "student-led-careers-fair-kingfisher"


def demo_user(username: str, first_name: str, last_name: str, *groups: Group) -> Any:
    user, _ = get_user_model().objects.update_or_create(
        username=username, defaults={"email": username, "first_name": first_name, "last_name": last_name}
    )
    password = demo_password()
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set(groups)
    return user


def contributor(school: School) -> Any:
    """A careers leader at a demo school, approved as a contributor."""
    teacher = demo_user(
        "careers.leader@kingfisher.example.org",
        "Careers",
        "Leader",
        Group.objects.get(name=SCHOOL_CONTRIBUTORS),
    )
    ContributorRequest.objects.update_or_create(
        email=teacher.email,
        defaults={
            "name": "Careers Leader (demo)",
            "school": school,
            "role_at_school": "Careers leader",
            "status": ContributorRequest.Status.APPROVED,
            "user": teacher,
        },
    )
    return teacher


def case_study_in_review(bank: ResourceIndexPage, teacher: Any, school: School) -> ResourcePage:
    """The contributor's case study, submitted to Editor review and not yet published."""
    page = ResourcePage.objects.child_of(bank).filter(slug=CASE_STUDY_SLUG).first()
    if page is None:
        page = ResourcePage(
            slug=CASE_STUDY_SLUG,
            title="A careers fair run by Year 9 students",
            kind=ResourceKind.CASE_STUDY,
            school=school,
            summary="Year 9 students planned and ran a careers fair for the whole school, inviting "
            "twelve local employers and two colleges.",
            body=[
                heading("What we did"),
                *paragraphs(
                    "A team of Year 9 students wrote to local employers, planned the hall layout and "
                    "prepared questions for each stand.",
                    "Every visitor was asked to set pupils a short task, so each conversation was two-way.",
                ),
            ],
            last_reviewed=calendar.ago(2026, 9, 1),
            owner=teacher,
            live=False,
        )
        page.benchmarks.set(Benchmark.objects.filter(number__in=[5, 7]))
        page.key_stages.set(KeyStage.objects.filter(code="KS3"))
        bank.add_child(instance=page)
        page.save_revision(user=teacher)
    if not page.live and not page.workflow_in_progress:
        page.get_workflow().start(page, teacher)
    return page


def waiting_request(school: School) -> None:
    ContributorRequest.objects.update_or_create(
        email="pshe.lead@lapwing.example.org",
        defaults={
            "name": "PSHE Lead (demo)",
            "school": school,
            "role_at_school": "PSHE and careers lead",
            "status": ContributorRequest.Status.PENDING,
        },
    )


def load(home: HomePage) -> None:
    setup_roles()
    demo_user("demo.editor@example.org", "Demo", "Editor", Group.objects.get(name=EDITORS))
    demo_user("demo.reporting@example.org", "Demo", "Reporting", Group.objects.get(name=REPORTING))
    bank = ResourceIndexPage.objects.first()
    school = School.objects.filter(urn="900101").first()
    if bank is not None and school is not None:
        case_study_in_review(bank, contributor(school), school)
    primary = School.objects.filter(urn="900202").first()
    if primary is not None:
        waiting_request(primary)
