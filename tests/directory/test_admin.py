"""Referral enquiries in the Wagtail admin, through the real admin URLs: a team sees and answers
only its own services' enquiries; editors and superusers see all; the response-time report."""

import datetime
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from directory.enquiries import describe_duration
from directory.models import ReferralEnquiry
from portal.home.models import HomePage
from tests.shared_data import Kept, afresh, built_once, kept

from . import factories

pytestmark = pytest.mark.django_db


def make_user(username: str, *groups: Group, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_superuser=superuser, is_staff=superuser
    )
    user.groups.add(*groups)
    return user


@pytest.fixture(scope="module")
def built_setting(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Two teams, each with a service and an enquiry to it: built once for the module
    (tests/shared_data.py); what a test marks or adds is rolled back."""
    with built_once(django_db_blocker):
        yield kept(_build_setting(HomePage.objects.get()))


@pytest.fixture
def setting(built_setting, db) -> dict:
    """The teams and enquiries, read afresh for each test: tests change the enquiries."""
    return afresh(built_setting)


def _build_setting(home: HomePage) -> dict:
    support = factories.support_index(home)
    team_a, team_b = factories.team("Educational Psychology Service"), factories.team("Virtual School")
    service_a = factories.service(support, title="Educational psychology", run_by=team_a)
    service_b = factories.service(support, title="Personal education plans", run_by=team_b)
    return {
        "team_a": team_a,
        "team_b": team_b,
        "mine": factories.enquiry(service_a, school_name="Ropewalk Primary"),
        "theirs": factories.enquiry(service_b, school_name="Heron Vale School"),
    }


def test_a_team_sees_only_its_own_enquiries(client, setting):
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    response = client.get(reverse("referral_enquiries:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ropewalk Primary" in html and "Educational psychology" in html
    assert "Heron Vale School" not in html and "Personal education plans" not in html


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage"])
def test_a_team_cannot_open_another_teams_enquiry(client, setting, view):
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    assert client.get(reverse(f"referral_enquiries:{view}", args=[setting["mine"].pk])).status_code == 200
    assert client.get(reverse(f"referral_enquiries:{view}", args=[setting["theirs"].pk])).status_code == 404


def test_a_team_cannot_mark_another_teams_enquiry(client, setting):
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    response = client.post(
        reverse("referral_enquiries:edit", args=[setting["theirs"].pk]), {"responded": "on"}
    )
    assert response.status_code == 404
    setting["theirs"].refresh_from_db()
    assert setting["theirs"].responded_at is None


def test_marking_responded_records_who_and_when(client, setting):
    officer = make_user("ep-officer", setting["team_a"].group)
    client.force_login(officer)
    url = reverse("referral_enquiries:edit", args=[setting["mine"].pk])
    page = client.get(url).content.decode()
    assert "senco@school.example.org" in page and "A Year 4 pupil" in page
    before = timezone.now()
    response = client.post(url, {"responded": "on"})
    assert response.status_code == 302
    enquiry = ReferralEnquiry.objects.get(pk=setting["mine"].pk)
    assert enquiry.responded_by == officer and enquiry.responded_at >= before
    # The enquiry itself is read-only: posting other fields changes nothing.
    client.post(url, {"responded": "on", "email": "changed@example.org"})
    enquiry.refresh_from_db()
    assert enquiry.email == "senco@school.example.org" and enquiry.responded_by == officer


def test_unticking_clears_a_mistaken_response(client, setting):
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    url = reverse("referral_enquiries:edit", args=[setting["mine"].pk])
    client.post(url, {"responded": "on"})
    client.post(url, {})
    enquiry = ReferralEnquiry.objects.get(pk=setting["mine"].pk)
    assert enquiry.responded_at is None and enquiry.responded_by is None


def test_editors_and_superusers_see_every_team(client, setting):
    for user in (make_user("editor", Group.objects.get(name="Editors")), make_user("boss", superuser=True)):
        client.force_login(user)
        html = client.get(reverse("referral_enquiries:index")).content.decode()
        assert "Ropewalk Primary" in html and "Heron Vale School" in html


def test_staff_outside_any_team_cannot_see_enquiries(client, setting):
    outsider_group = Group.objects.create(name="Admin access only")
    outsider_group.permissions.add(setting["team_a"].group.permissions.get(codename="access_admin"))
    client.force_login(make_user("outsider", outsider_group))
    response = client.get(reverse("referral_enquiries:index"))
    assert response.status_code in (302, 403)
    assert "Ropewalk Primary" not in response.content.decode()


def test_nobody_adds_or_deletes_enquiries_in_the_admin(client, setting):
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    assert client.get(reverse("referral_enquiries:add")).status_code in (302, 403)
    response = client.post(reverse("referral_enquiries:delete", args=[setting["mine"].pk]))
    assert response.status_code in (302, 403)
    assert ReferralEnquiry.objects.filter(pk=setting["mine"].pk).exists()


def test_filter_by_status(client, setting):
    setting["mine"].responded_at = timezone.now()
    setting["mine"].save()
    client.force_login(make_user("boss", superuser=True))
    html = client.get(reverse("referral_enquiries:index"), {"status": "awaiting"}).content.decode()
    assert "Heron Vale School" in html and "Ropewalk Primary" not in html


def test_response_times_report(client, setting):
    service = setting["mine"].service
    start = timezone.now() - datetime.timedelta(days=30)
    for hours in (2, 4, 30):
        factories.enquiry(service, created_at=start, responded_after=datetime.timedelta(hours=hours))
    client.force_login(make_user("ep-officer", setting["team_a"].group))
    response = client.get(reverse("referral_enquiries:response_times"))
    assert response.status_code == 200
    html = response.content.decode()
    # Four enquiries (one awaiting), three responded; median of 2, 4 and 30 hours is 4 hours.
    assert "<td>4</td><td>3</td><td>1</td><td>4 hours</td>" in html.replace("\n", "")
    assert "Personal education plans" not in html


def test_describe_duration():
    assert describe_duration(None) == "No responses yet"
    assert describe_duration(datetime.timedelta(minutes=40)) == "40 minutes"
    assert describe_duration(datetime.timedelta(hours=1, minutes=1)) == "1 hour 1 minute"
    assert describe_duration(datetime.timedelta(days=2, hours=3, minutes=20)) == "2 days 3 hours"


def test_editors_can_open_the_service_and_provider_editors(client, setting, home):
    client.force_login(make_user("boss", superuser=True))
    support = factories.support_index(home)
    assert (
        client.get(
            reverse("wagtailadmin_pages:add", args=["directory", "servicepage", support.pk])
        ).status_code
        == 200
    )
    service = setting["mine"].service
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[service.pk]))
    assert edit.status_code == 200 and "What a good referral includes" in edit.content.decode()
    provider = factories.provider(factories.post16_index(home))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[provider.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_directory_location:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_directory_partnerorganisation:list")).status_code == 200
