"""The dashboard's placements and encounters by year group, and "two weeks' worth", on a small
data set worked out by hand (docs/encounters.md): dates are fixed in a school year of their own,
so the figures never depend on today's date."""

import datetime

import pytest

from placements.booking import NewRequest, decide, submit_request
from portal.taxonomy.models import Setting
from publishing import experiences
from publishing.dashboard import Period
from tests.placements import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2030, 10, 10)  # in the school year 1 September 2030 to 31 August 2031
PERIOD = Period(12, datetime.date(2031, 1, 15))


def window(home, kind: str, key_stages: tuple[str, ...], places: int, hours: int, start=DAY):
    page = factories.placement(
        factories.host_team(home, "parks"),
        kind=kind,
        key_stages=key_stages,
        criteria=("b5-clear-purpose",) if kind != "work-placement" else ("b6-feedback",),
        windows=((start, start, places),),
        hours_each=hours,
    )
    return factories.capacity(page)


def accept(window, pupils: int, years: list[str]) -> None:
    request = submit_request(
        NewRequest(
            window=window,
            setting=Setting.objects.get(code="mainstream"),
            school=factories.school(),
            organisation_name="",
            contact_name="Careers Leader",
            contact_email="careers@example.org",
            contact_phone="01642 123456",
            young_people=pupils,
            year_groups=years,
            adjustments_needed="",
        )
    )
    decide(request.pk, "accept", actor="host-team")


@pytest.fixture
def known(home, settings):
    settings.YEAR_GROUP_SIZE = 10
    visit = window(home, "workplace-visit", ("KS3",), places=90, hours=5)
    window(home, "talk-in-school", ("KS3",), places=60, hours=1)
    window(home, "work-placement", ("KS4",), places=10, hours=25)
    window(
        home, "workplace-visit", ("KS3",), places=300, hours=5, start=datetime.date(2031, 9, 2)
    )  # next year
    accept(visit, 30, ["Y8"])


def rows(table) -> dict[str, list]:
    return {row[0]: row[1:] for row in table.rows}


def test_placements_and_encounters_are_counted_apart_by_year_group(known):
    table = rows(experiences.by_year_group(PERIOD))
    # (key stage, placements offered, placements accepted, encounters offered, encounters accepted)
    assert table["Year 7"] == ["KS3", 0, 0, 50, 0]  # 90 / 3 + 60 / 3
    assert table["Year 8"] == ["KS3", 0, 0, 50, 30]
    assert table["Year 10"] == ["KS4", 5, 0, 0, 0]
    assert table["Year 5"] == ["KS2", 0, 0, 0, 0]


def test_two_weeks_worth_counts_days_of_experiences_of_work_only(known):
    table = rows(experiences.two_weeks_worth(PERIOD))
    # (needed, from offers, short by, from accepted, short by): a day is 5 hours; the talk does
    # not count; 30 visit places in each KS3 year at 1 day, for 10 pupils, is 3 days each.
    assert table["Year 7"] == [2.0, 3.0, 0, 0.0, 2.0]
    assert table["Year 8"] == [2.0, 3.0, 0, 3.0, 0]
    assert table["Year 10"] == [2.0, 2.5, 0, 0.0, 2.0]  # 5 places x 5 days / 10 pupils
    assert table["Year 9"][1:] == [3.0, 0, 0.0, 2.0]
    assert set(table) == {"Year 7", "Year 8", "Year 9", "Year 10", "Year 11"}


def test_the_school_year_runs_from_september():
    assert experiences.academic_year(datetime.date(2031, 8, 31)) == (
        datetime.date(2030, 9, 1),
        datetime.date(2031, 9, 1),
    )
    assert experiences.academic_year(datetime.date(2031, 9, 1))[0] == datetime.date(2031, 9, 1)
