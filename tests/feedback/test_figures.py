"""Hosts see their own feedback; the dashboard shows the share meeting each criterion."""

from collections.abc import Iterator

import pytest
from django.urls import reverse

from feedback.models import Feedback
from feedback.vocabulary import NO, NOT_SURE, QUESTIONS, SCHOOL, YES, YOUNG_PERSON
from placements.models import PlacementRequest
from portal.home.models import HomePage
from publishing.dashboard import TABLES, Period
from tests.placements.factories import host_team, team_user
from tests.publishing.factories import reporter
from tests.shared_data import Kept, afresh, built_once, kept

from .factories import ended_request

pytestmark = pytest.mark.django_db
B6 = [q.criterion for q in QUESTIONS[6]]


def give(placement_request, respondent: str, answer: str, comment: str = "") -> Feedback:
    return Feedback.objects.create(
        placement_request=placement_request,
        respondent=respondent,
        benchmark=6,
        answers={**dict.fromkeys(B6, YES), "b6-feedback": answer},
        comment=comment,
    )


@pytest.fixture(scope="module")
def built_two_teams(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Two host teams' ended requests with their feedback, built once for the module
    (tests/shared_data.py): the tests only read them and sign people in. Nothing here commits, so
    the on-commit callbacks of the building stay pending until the module's rollback
    (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        highways, libraries = _two_teams(HomePage.objects.get())
        yield kept({"highways": highways, "libraries": libraries})


@pytest.fixture
def two_teams(built_two_teams, db) -> tuple[PlacementRequest, PlacementRequest]:
    """The two teams' requests, read afresh for each test."""
    found = afresh(built_two_teams)
    return found["highways"], found["libraries"]


def _two_teams(home: HomePage) -> tuple[PlacementRequest, PlacementRequest]:
    highways = ended_request(home, slug="highways")
    libraries = ended_request(home, slug="libraries")
    give(highways, SCHOOL, YES, "Brilliant day for the pupils.")
    give(highways, YOUNG_PERSON, NO)
    give(highways, YOUNG_PERSON, YES)
    give(libraries, SCHOOL, NOT_SURE, "Libraries comment.")
    return highways, libraries


def test_the_dashboard_shows_the_share_meeting_each_criterion(two_teams):
    table = TABLES["feedback-criteria"](Period.from_param("12"))
    rows = {row[0]: row[1:] for row in table.rows}
    feedback_row = next(v for k, v in rows.items() if "feedback on their work" in k)
    assert [str(v) for v in feedback_row] == ["2", "50.0", "2", "50.0"]
    task_row = next(v for k, v in rows.items() if "task set by the employer" in k)
    assert [str(v) for v in task_row] == ["2", "100.0", "2", "100.0"]


def test_the_dashboard_page_includes_the_table(client, two_teams):
    client.force_login(reporter())
    html = client.get(reverse("publishing_dashboard")).content.decode()
    assert "meeting each “meaningful” criterion" in html


def test_a_host_team_sees_only_its_own_feedback(client, home, two_teams):
    officer = team_user(host_team(home, slug="highways"))
    client.force_login(officer)
    html = client.get(reverse("feedback_host")).content.decode()
    assert "Brilliant day for the pupils." in html
    assert "Libraries comment." not in html
    assert "1 of 2" in html  # young people who said the employer gave feedback


def test_people_outside_host_teams_cannot_see_feedback(client, two_teams):
    from tests.publishing.factories import user

    client.force_login(user("outsider", "Council team members"))
    response = client.get(reverse("feedback_host"))
    assert response.status_code in (302, 403)
    assert "Brilliant" not in response.content.decode()
