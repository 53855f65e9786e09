"""Local employers applying to host at /hosts/apply/, and editors deciding in the admin: an approved
employer gets a host team made exactly as a council team's, and can sign in with the password it
chose; the application never echoes the password and asks for the safeguarding answers."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from hosts.approval import AlreadyDecided, approve, decline
from hosts.models import HostApplication
from placements.models import HostTeamPage
from placements.teams import setup_host_team
from placements.vocabulary import EMPLOYER_AREA
from tests.placements import factories as placement_factories
from tests.publishing import factories as people
from tests.tasks import run_tasks

from .factories import PASSWORD, answers, application

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    return placement_factories.placement_index(home)


def test_the_form_is_on_hosts_apply(client):
    html = client.get("/hosts/apply/").content.decode()
    for question in ("What can you offer?", "Safeguarding contact", "DBS checks", "liability insurance"):
        assert question in html


def test_a_valid_application_is_saved_once_and_acknowledged(client):
    form = client.get("/hosts/apply/").context["form"]
    token = str(form["submission"].value())
    response = client.post("/hosts/apply/", answers(submission=token))
    again = client.post("/hosts/apply/", answers(submission=token))  # sent twice: one application
    assert again.status_code == 302
    run_tasks()
    assert response.status_code == 302 and response["Location"] == reverse("hosts:apply_sent")
    saved = HostApplication.objects.get()
    assert saved.status == HostApplication.Status.PENDING
    assert saved.offers == ["workplace-visit", "insight-day"] and "$" in saved.password_hash
    assert PASSWORD not in saved.password_hash
    assert [m.to for m in mail.outbox] == [["apprenticeships@hartburn.example.org"]]
    assert saved.reference in mail.outbox[0].body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"liability_insurance": ""}, "You need employer&#x27;s liability insurance"),
        ({"insurance_expires": "2000-01-01"}, "Your insurance has expired"),
        ({"offers": ["mentoring"], "dbs_checks": "not-needed"}, "Mentoring needs DBS checks"),
        ({"safeguarding_name": ""}, "Enter the name of your safeguarding contact"),
        (
            {"offers": ["work-placement"], "key_stages": ["KS2"]},
            "None of what you offer suits these key stages",
        ),
        ({"password_again": "something else entirely"}, "The passwords do not match"),
        ({"postcode": "NOT A CODE"}, "Enter a real postcode"),
    ],
)
def test_bad_answers_show_the_form_again_and_save_nothing(client, overrides, message):
    response = client.post("/hosts/apply/", answers(**overrides))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert PASSWORD not in html  # the password is never sent back
    assert not HostApplication.objects.exists() and not mail.outbox


def test_approval_makes_a_host_team_exactly_like_a_council_teams(directory):
    employer_page = approve(application())
    council_page = placement_factories.host_team(directory.get_parent(), "libraries")
    employer, council = employer_page.team, council_page.team
    employer.refresh_from_db()
    council.refresh_from_db()
    assert employer.directorate == EMPLOYER_AREA and employer_page.get_parent().pk == directory.pk

    def permissions(page: HostTeamPage) -> tuple:
        group = page.team.group
        on_pages = sorted(
            (p.page_id == page.pk, p.permission.codename)
            for p in GroupPagePermission.objects.filter(group=group)
        )
        return on_pages, sorted(group.permissions.values_list("codename", flat=True))

    assert permissions(employer_page) == permissions(council_page)
    user = authenticate(username="apprenticeships@hartburn.example.org", password=PASSWORD)
    assert user is not None and employer.group in user.groups.all()
    decided = HostApplication.objects.get()
    assert decided.status == "approved" and decided.host_team == employer and decided.password_hash == ""


def test_setup_host_team_leaves_an_employer_team_as_it_was(directory):
    page = approve(application())
    assert setup_host_team(page.team).pk == page.pk


def test_an_application_is_decided_once(directory):
    submitted = application()
    decline(submitted, note="We need your insurance certificate.")
    run_tasks()
    with pytest.raises(AlreadyDecided):
        approve(submitted)
    assert not HostTeamPage.objects.exists()
    assert "insurance certificate" in mail.outbox[-1].body


def test_names_never_clash_with_an_existing_team(directory):
    placement_factories.council_team("hartburn-precision-engineering", name="Hartburn Precision Engineering")
    page = approve(application())
    assert page.team.name == "Hartburn Precision Engineering (2)"
    assert page.team.slug == "hartburn-precision-engineering-2"


def test_editors_approve_in_the_admin_and_others_cannot(directory):
    submitted = application()
    url = reverse("host_applications:edit", args=[submitted.pk])
    officer = people.team_member(placement_factories.host_team(directory.get_parent(), "highways").team)
    refused = people.signed_in(officer)
    assert refused.get(reverse("host_applications:index")).status_code in (302, 403)
    assert refused.post(url, {"decision": "approve"}).status_code in (302, 403)
    assert HostApplication.objects.get().status == "pending"

    editor = people.signed_in(people.editor())
    assert "Hartburn Precision Engineering" in editor.get(reverse("host_applications:index")).content.decode()
    assert editor.post(url, {"decision": "approve", "note": ""}).status_code == 302
    assert HostApplication.objects.get().status == "approved"
    assert editor.get(url).status_code in (302, 403)  # nothing left to decide


def test_declined_applications_are_deleted_after_the_retention_period(directory, settings):
    old, recent = application(), application(contact_email="other@example.org")
    decline(old)
    decline(recent)
    HostApplication.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=settings.HOST_APPLICATION_RETENTION_DAYS + 1)
    )
    call_command("purge_host_applications", verbosity=0)
    assert list(HostApplication.objects.values_list("pk", flat=True)) == [recent.pk]
