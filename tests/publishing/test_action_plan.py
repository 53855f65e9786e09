"""The dashboard's action plan measures on known data: a careers event reaching 500 young
people, a roadshow in 3 schools, CPD attendance by course, and booklet uptake per service per
term with the share answered first time right. Dates are relative to today's academic year."""

import datetime
from collections.abc import Iterator
from typing import NamedTuple

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from directory.models import ReferralEnquiry, ServicePage
from events.dates import AcademicYear, Term
from events.models import EventAttendance, EventIndexPage, EventKind
from portal.home.models import HomePage
from portal.taxonomy.models import CouncilTeam
from publishing import dashboard
from tests.directory import factories as directory_factories
from tests.events.factories import event, event_index, london
from tests.publishing.factories import user
from tests.shared_data import Kept, afresh, built_once, kept

pytestmark = pytest.mark.django_db


def in_this_year(month: int, day: int) -> datetime.datetime:
    """A moment in the current academic year that has already passed or is today's year."""
    year = AcademicYear.of(timezone.now())
    return london(year.start_year + (month < 9), month, day, 10)


def counted(index, kind: str, title: str, start: datetime.datetime, **counts: int) -> EventAttendance:
    page = event(index, kind=kind, title=title, start=start)
    return EventAttendance.objects.create(event=page, **counts)


@pytest.fixture(scope="module")
def built_events(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The events with their counts, built once for the module (tests/shared_data.py): tests add
    events and counts of their own, rolled back. They stay in the database for the enquiry tests
    too, whose uptake and enquiries they do not touch. Nothing here commits, so the on-commit
    callbacks of their publishing stay pending until the module's rollback (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        yield _counted_events(HomePage.objects.get()).pk


@pytest.fixture
def events(built_events, db) -> EventIndexPage:
    """The events index, read afresh for each test: tests add events under it (docs/test-suite.md)."""
    return EventIndexPage.objects.get(pk=built_events)


def _counted_events(home: HomePage) -> EventIndexPage:
    index = event_index(home)
    counted(
        index,
        EventKind.CAREERS_FAIR,
        "Stockton careers fair",
        in_this_year(10, 8),
        schools=9,
        young_people=520,
    )
    counted(
        index,
        EventKind.APPRENTICESHIP,
        "Apprenticeship evening",
        in_this_year(11, 3),
        young_people=140,
        parents=60,
    )
    counted(index, EventKind.ROADSHOW, "Roadshow north", in_this_year(9, 20), schools=1, young_people=90)
    counted(index, EventKind.ROADSHOW, "Roadshow south", in_this_year(9, 27), schools=1, young_people=80)
    counted(index, EventKind.CPD, "Careers leader training", in_this_year(10, 1), schools=4, staff=6)
    counted(index, EventKind.CPD, "Careers leader training", in_this_year(10, 15), schools=3, staff=3)
    counted(
        index, EventKind.CPD, "Labour market information for tutors", in_this_year(9, 25), schools=2, staff=5
    )
    return index


def test_the_action_plan_measures_are_exact(events):
    period = dashboard.Period(36, timezone.localdate())
    rows = {row[0].split(" (")[0]: row[1:] for row in dashboard.action_plan_measures(period).rows}
    year = str(AcademicYear.of(timezone.now()))
    assert rows["A careers event reaching young people"] == [year, 520, 500, "Yes"]
    assert rows["Schools reached by the careers roadshow"] == [year, 2, 3, "Not yet"]
    assert dashboard.cpd_attendance(period).rows == [
        ["Careers leader training", 2, 7, 9],
        ["Labour market information for tutors", 1, 2, 5],
    ]


def test_attendance_is_not_recorded_twice_for_network_meetings(events):
    from django.core.exceptions import ValidationError

    meeting = event(events, kind=EventKind.NETWORK_MEETING, start=in_this_year(10, 2))
    with pytest.raises(ValidationError):
        EventAttendance(event=meeting, schools=3).full_clean()


def test_an_officer_records_counts_from_the_event(client, events):
    client.force_login(user("events-editor", "Editors"))
    page = event(events, kind=EventKind.ROADSHOW, title="Roadshow east", start=in_this_year(12, 1))
    add = reverse("event_attendance:add") + f"?event={page.pk}"
    assert f'value="{page.pk}" selected' in client.get(add).content.decode()
    response = client.post(
        reverse("event_attendance:add"),
        {"event": page.pk, "schools": "2", "young_people": "60", "parents": "0", "staff": "4", "notes": ""},
    )
    assert response.status_code == 302
    assert EventAttendance.objects.get(event=page).young_people == 60
    period = dashboard.Period(36, timezone.localdate())
    rows = {row[0].split(" (")[0]: row[1:] for row in dashboard.action_plan_measures(period).rows}
    assert rows["Schools reached by the careers roadshow"][1:] == [4, 3, "Yes"]


class Enquiries(NamedTuple):
    service: ServicePage
    team: CouncilTeam
    last_term: Term
    this_term: Term


@pytest.fixture(scope="module")
def built_enquiries(django_db_setup, django_db_blocker) -> Iterator[tuple[Kept, Term, Term]]:
    """A service's enquiries over two terms, built once for the module (tests/shared_data.py): a
    test's answer to one is rolled back. They stay in the database for the event tests too, whose
    measures they do not touch."""
    with built_once(django_db_blocker):
        yield _enquiries(HomePage.objects.get())


@pytest.fixture
def enquiries(built_enquiries, db) -> Enquiries:
    """The service and its team, read afresh for each test, and the two terms."""
    keys, last_term, this_term = built_enquiries
    found = afresh(keys)
    return Enquiries(found["service"], found["team"], last_term, this_term)


def _enquiries(home: HomePage) -> tuple[Kept, Term, Term]:
    """Three enquiries last term and four this term, all answered, with first time right recorded
    or not; and one this term not yet answered."""
    support = directory_factories.support_index(home)
    team = directory_factories.team("Educational Psychology Service")
    service = directory_factories.service(support, title="Educational psychology", run_by=team)
    this_term = Term.of(timezone.now())
    last_term = this_term.previous()
    made = []
    for term, right in ((last_term, [True, False, None]), (this_term, [True, True, True, False])):
        start, _ = term.bounds()
        for n, first_time in enumerate(right):
            enquiry = directory_factories.enquiry(
                service,
                created_at=start + datetime.timedelta(days=n + 1),
                responded_after=datetime.timedelta(days=1),
            )
            ReferralEnquiry.objects.filter(pk=enquiry.pk).update(first_time_right=first_time)
            made.append(enquiry)
    directory_factories.enquiry(service, created_at=this_term.bounds()[0] + datetime.timedelta(days=9))
    return kept({"service": service, "team": team}), last_term, this_term


def test_booklet_uptake_per_service_per_term(enquiries):
    service, _, last_term, this_term = enquiries
    rows = dashboard.booklet_uptake(dashboard.Period(12, timezone.localdate())).rows
    by_term = {row[1]: row for row in rows}
    assert by_term[last_term.label] == [
        service.title,
        last_term.label,
        3,
        3,
        2,
        dashboard.attendance.percent(1, 2),
    ]
    assert by_term[this_term.label] == [
        service.title,
        this_term.label,
        5,
        4,
        4,
        dashboard.attendance.percent(3, 4),
    ]


def test_the_team_records_first_time_right_when_it_answers(client, enquiries):
    service, team, _, _ = enquiries
    enquiry = ReferralEnquiry.objects.filter(responded_at__isnull=True).get()
    officer = user("ep-officer")
    officer.groups.add(Group.objects.get(pk=team.group_id))
    client.force_login(officer)
    url = reverse("referral_enquiries:edit", args=[enquiry.pk])
    assert "without asking the school for more information" in client.get(url).content.decode()
    client.post(url, {"responded": "on", "first_time_right": "no"})
    enquiry.refresh_from_db()
    assert enquiry.responded_at is not None and enquiry.first_time_right is False
    client.post(url, {})  # unticking "responded" clears it too
    enquiry.refresh_from_db()
    assert enquiry.first_time_right is None


def test_the_dashboard_lists_the_new_tables(client, enquiries):
    client.force_login(user("reporter-2", "Reporting"))
    html = client.get(reverse("publishing_dashboard")).content.decode()
    assert "Booklet uptake" in html and "CPD attendance by course" in html and "Action plan measures" in html
    csv = client.get(reverse("publishing_dashboard_csv", args=["booklet-uptake"])).content.decode()
    assert csv.splitlines()[0].startswith("Service,Term,Enquiries")
