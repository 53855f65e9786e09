"""The Careers Network success measure on a small known data set, and the admin that records
attendance and shows the report."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from events.attendance import network_figures, percent, school_breakdown
from events.dates import AcademicYear
from events.models import EventKind, NetworkAttendance
from portal.taxonomy.models import School

from .factories import attendance, event, event_index, london, school

pytestmark = pytest.mark.django_db

NOW = london(2025, 9, 15, 12, 0)


@pytest.fixture
def network(home):
    """Schools: four counted (A, B, C, G), three not (a closed secondary, a primary, a special).

    2024 to 2025: seven meetings, one cancelled. The first starts at 00:30 BST on 1 September 2024
    (31 August in UTC) and the last at 23:30 BST on 31 August 2025 (still the same school year).
    A comes to all six held; B to five, and to the cancelled one; C to one; G to none; the closed
    school comes to all six and the primary and special schools to some, none of which count.
    2025 to 2026: one meeting held (A and B) and one still to come."""
    index = event_index(home)
    a = school("Academy A", "990001")
    b = school("All-through B", "990002", School.Phase.ALL_THROUGH)
    c = school("College C", "990003", School.Phase.POST_16)
    g = school("Grammar G", "990004")
    closed = school("Closed D", "990005", is_open=False)
    primary = school("Primary E", "990006", School.Phase.PRIMARY)
    special = school("Special F", "990007", School.Phase.SPECIAL)

    starts = [
        london(2024, 9, 1, 0, 30),
        london(2024, 11, 20, 15, 30),
        london(2025, 1, 22, 15, 30),
        london(2025, 3, 19, 15, 30),
        london(2025, 5, 14, 15, 30),
        london(2025, 8, 31, 23, 30),
    ]
    meetings = [
        event(index, kind=EventKind.NETWORK_MEETING, start=start, audiences=["teachers"]) for start in starts
    ]
    cancelled = event(
        index, kind=EventKind.NETWORK_MEETING, start=london(2025, 7, 9, 15, 30), is_cancelled=True
    )
    for number, meeting in enumerate(meetings):
        came = (
            [a, closed]
            + ([b] if number < 5 else [])
            + ([c, primary] if number == 0 else [])
            + ([special] if number == 2 else [])
        )
        attendance(meeting, came)
    attendance(cancelled, [b, c, g])

    autumn = event(index, kind=EventKind.NETWORK_MEETING, start=london(2025, 9, 10, 15, 30))
    attendance(autumn, [a, b])
    event(index, kind=EventKind.NETWORK_MEETING, start=london(2025, 11, 19, 15, 30))
    # Another kind of event in the same year is not a meeting, whatever is recorded.
    event(index, kind=EventKind.CAREERS_FAIR, start=london(2025, 3, 5, 16, 0))
    return {"a": a, "b": b, "c": c, "g": g}


def test_figures_per_academic_year(network):
    later, earlier = network_figures(now=NOW)

    assert earlier.year == AcademicYear(2024)
    assert (earlier.meetings_held, earlier.meetings_to_come, earlier.schools) == (6, 0, 4)
    assert (earlier.attended_at_least_one, earlier.share_at_least_one) == (3, Decimal("75.0"))
    assert (earlier.attended_target, earlier.share_target) == (1, Decimal("25.0"))
    assert not earlier.target_met

    assert later.year == AcademicYear(2025)
    assert (later.meetings_held, later.meetings_to_come, later.schools) == (1, 1, 4)
    assert (later.attended_at_least_one, later.share_at_least_one) == (2, Decimal("50.0"))
    assert (later.attended_target, later.share_target) == (0, Decimal("0.0"))


def test_each_schools_count_for_the_year_fewest_first(network):
    _, earlier = network_figures(now=NOW)
    rows = [(found.name, count) for found, count in school_breakdown(earlier)]
    assert rows == [("Grammar G", 0), ("College C", 1), ("All-through B", 5), ("Academy A", 6)]


def test_the_target_is_met_at_exactly_80_percent(home):
    index = event_index(home)
    schools = [school(f"School {n}", f"99100{n}") for n in range(5)]
    for month in range(1, 7):
        meeting = event(index, kind=EventKind.NETWORK_MEETING, start=london(2025, month, 10, 15, 30))
        attendance(meeting, schools[:4])
    (figures,) = network_figures(now=NOW)
    assert (figures.attended_target, figures.share_target, figures.target_met) == (4, Decimal("80.0"), True)


def test_percentages_round_half_up_to_one_place():
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 0) == Decimal("0")


def test_the_academic_year_turns_at_local_midnight_on_1_september():
    assert AcademicYear.of(london(2025, 8, 31, 23, 59)) == AcademicYear(2024)
    assert AcademicYear.of(london(2025, 9, 1, 0, 0)) == AcademicYear(2025)
    assert str(AcademicYear(2026)) == "2026 to 2027"


# The admin


@pytest.fixture
def officer(client):
    user = get_user_model().objects.create_user("officer", "officer@example.org", "a-long-test-password")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__endswith="networkattendance"),
    )
    client.force_login(user)
    return client


def test_the_report_shows_the_figures(officer, network):
    response = officer.get(reverse("network_attendance:report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2024 to 2025" in html and "2025 to 2026" in html
    assert "3 (75.0%)" in html and "1 (25.0%)" in html
    response = officer.get(reverse("network_attendance:report"), {"year": "2024"})
    assert response.context["chosen"].year == AcademicYear(2024)


def test_the_report_needs_permission(client, network):
    user = get_user_model().objects.create_user("teacher", "teacher@example.org", "a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("network_attendance:report"))
    assert response.status_code in (302, 403)
    assert "75.0%" not in response.content.decode()


def test_an_officer_records_who_came(officer, home):
    index = event_index(home)
    meeting = event(
        index, kind=EventKind.NETWORK_MEETING, start=london(2026, 9, 23, 15, 30), title="Network, September"
    )
    a, b = school("Academy A", "990001"), school("Academy B", "990002")
    school("Closed C", "990003", is_open=False)

    form = officer.get(reverse("network_attendance:add"))
    assert form.status_code == 200
    assert "Closed C" not in form.content.decode()  # closed schools are not offered
    response = officer.post(
        reverse("network_attendance:add"), {"meeting": meeting.pk, "schools": [a.pk, b.pk], "notes": ""}
    )

    assert response.status_code == 302
    assert set(NetworkAttendance.objects.get(meeting=meeting).schools.all()) == {a, b}


def test_attendance_is_only_for_network_meetings(officer, home):
    fair = event(event_index(home), kind=EventKind.CAREERS_FAIR, start=london(2026, 10, 8, 15, 30))
    response = officer.post(
        reverse("network_attendance:add"), {"meeting": fair.pk, "schools": [], "notes": ""}
    )
    assert response.status_code == 200  # the form again, with an error
    assert not NetworkAttendance.objects.exists()


def test_a_meeting_page_offers_to_record_its_attendance(officer, home):
    officer_user = get_user_model().objects.get(username="officer")
    officer_user.is_superuser = True  # to open the page editor
    officer_user.save()
    index = event_index(home)
    meeting = event(index, kind=EventKind.NETWORK_MEETING, start=london(2026, 9, 23, 15, 30))
    fair = event(index, kind=EventKind.CAREERS_FAIR, start=london(2026, 10, 8, 15, 30))
    add_url = f"{reverse('network_attendance:add')}?meeting={meeting.pk}"

    assert (
        add_url.replace("&", "&amp;")
        in officer.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()
    )
    # Any other event records counts instead (EventAttendance), not schools by name.
    fair_page = officer.get(reverse("wagtailadmin_pages:edit", args=[fair.pk])).content.decode()
    assert f"{reverse('event_attendance:add')}?event={fair.pk}" in fair_page.replace("&amp;", "&")
    assert reverse("network_attendance:add") not in fair_page
    form = officer.get(add_url)
    assert form.context["form"].initial["meeting"] == str(meeting.pk)

    record = attendance(meeting, [])
    html = officer.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()
    assert reverse("network_attendance:edit", args=[record.pk]) in html


def test_the_attendance_list_shows_each_meeting_with_its_count(officer, network):
    response = officer.get(reverse("network_attendance:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "01/09/2024" in html and "10/09/2025" in html
