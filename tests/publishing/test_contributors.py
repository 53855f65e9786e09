"""Becoming a school contributor: the request form, approval by an editor or by confirming an
address on the auto-approve list, passwords, rate limits, no user enumeration and retention."""

import datetime
import re
import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from publishing.models import ContributorRequest
from publishing.roles import SCHOOL_CONTRIBUTORS
from tests.tasks import run_tasks

from . import factories

pytestmark = pytest.mark.django_db

REQUEST_URL = "/contributors/request-account/"


@pytest.fixture
def school():
    return factories.a_school()


def ask(client, school, email: str = "ann.teacher@heronvale.example.org", ip: str = "192.0.2.1", **fields):
    data = {
        "name": "Ann Teacher",
        "email": email,
        "school": school.pk,
        "role_at_school": "Careers leader",
        **fields,
    }
    return client.post(REQUEST_URL, data, REMOTE_ADDR=ip)


def link_in(message) -> str:
    """The path of the first link in an email."""
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def test_the_sign_in_page_tells_school_staff_how_to_ask_for_an_account(client):
    assert 'href="/contributors/request-account/"' in client.get("/admin/login/").content.decode()


def test_the_form_explains_itself_and_reports_each_bad_field(client, school):
    page = client.get(REQUEST_URL).content.decode()
    for label in ("Full name", "School email address", "Select your school or college", "Role at the school"):
        assert label in page
    response = client.post(REQUEST_URL, {"email": "not-an-email", "school": "999999"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    for message in (
        "Enter your full name",
        "Enter an email address in the correct format",
        "Select your school or college from the list",
        "Enter your role at the school",
    ):
        assert message in html
    assert 'href="#id_name"' in html
    assert not ContributorRequest.objects.exists()


def test_a_request_waits_for_an_editor_and_makes_no_account(client, school, mailoutbox):
    response = ask(client, school, email="Ann.Teacher@HeronVale.example.org")
    assert response.status_code == 302 and response.url == "/contributors/request-account/sent/"
    request = ContributorRequest.objects.get()
    assert request.email == "ann.teacher@heronvale.example.org" and request.status == "pending"
    assert not get_user_model().objects.filter(email__iexact=request.email).exists()
    run_tasks()
    assert len(mailoutbox) == 1 and "An editor at Stockton-on-Tees" in mailoutbox[0].body

    ask(client, school, email="ann.teacher@heronvale.example.org", role_at_school="Head of Year 10")
    request.refresh_from_db()
    assert ContributorRequest.objects.count() == 1 and request.role_at_school == "Head of Year 10"


def test_an_editor_approves_a_request_and_the_teacher_sets_a_password(client, school, mailoutbox):
    ask(client, school)
    request = ContributorRequest.objects.get()
    editor = factories.editor()
    as_editor = factories.signed_in(editor)
    decide = reverse("contributor_requests:edit", args=[request.pk])
    page = as_editor.get(decide).content.decode()
    assert "Ann Teacher" in page and "Careers leader" in page and "Heron Vale School" in page
    run_tasks()
    mailoutbox.clear()

    response = as_editor.post(decide, {"decision": "approve"})

    assert response.status_code == 302
    request.refresh_from_db()
    teacher = request.user
    assert request.status == "approved" and request.decided_by == editor
    assert list(teacher.groups.values_list("name", flat=True)) == [SCHOOL_CONTRIBUTORS]
    assert not teacher.has_usable_password()
    assert ModelLogEntry.objects.filter(
        action="publishing.contributor.approve", user=editor, object_id=str(request.pk)
    ).exists()
    assert as_editor.get(decide).status_code in (302, 403), "a decided request cannot be decided again"

    run_tasks()
    set_password = client.get(link_in(mailoutbox[0]), follow=True)
    form_url = set_password.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "password123", "new_password2": "password123"})
    assert weak.status_code == 200 and "too common" in weak.content.decode()
    strong = client.post(
        form_url, {"new_password1": "lapwing-careers-fair-27", "new_password2": "lapwing-careers-fair-27"}
    )
    assert strong.status_code == 302
    login = client.post(
        "/admin/login/",
        {"username": "ann.teacher@heronvale.example.org", "password": "lapwing-careers-fair-27"},
    )
    assert login.status_code == 302 and login.url == "/admin/"


def test_an_editor_can_turn_a_request_down(school, client, mailoutbox):
    ask(client, school)
    request = ContributorRequest.objects.get()
    run_tasks()
    mailoutbox.clear()
    factories.signed_in(factories.editor()).post(
        reverse("contributor_requests:edit", args=[request.pk]), {"decision": "reject"}
    )
    request.refresh_from_db()
    assert request.status == "rejected" and request.user is None
    run_tasks()
    assert len(mailoutbox) == 1 and "cannot give you a contributor account" in mailoutbox[0].body


def test_only_editors_see_and_decide_requests(school, client):
    ask(client, school)
    request = ContributorRequest.objects.get()
    for person in (
        factories.contributor(),
        factories.reporter(),
        factories.team_member(factories.council_team()),
    ):
        browser = factories.signed_in(person)
        assert browser.get(reverse("contributor_requests:index")).status_code in (302, 403)
        browser.post(reverse("contributor_requests:edit", args=[request.pk]), {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == "pending"
    home = factories.signed_in(factories.editor()).get("/admin/").content.decode()
    assert "1 request from school staff is waiting" in home


def test_a_listed_domain_is_approved_by_confirming_the_address(client, school, settings, mailoutbox):
    settings.CONTRIBUTOR_AUTO_APPROVE_DOMAINS = ["heronvale.example.org"]
    ask(client, school)
    run_tasks()
    confirm = link_in(mailoutbox[0])
    assert confirm.startswith("/contributors/confirm/")

    page = client.get(confirm)  # a mail scanner following the link changes nothing
    assert page.status_code == 200 and "Confirm and set a password" in page.content.decode()
    assert ContributorRequest.objects.get().status == "pending"

    response = client.post(confirm)
    request = ContributorRequest.objects.get()
    assert request.status == "approved" and request.decided_by is None
    assert request.user.groups.filter(name=SCHOOL_CONTRIBUTORS).exists()
    assert response.url.startswith("/admin/password_reset/confirm/")
    assert client.post(confirm).status_code == 400, "a link works once"


def test_a_forged_or_expired_confirmation_link_is_refused(client, school, settings, mailoutbox):
    settings.CONTRIBUTOR_AUTO_APPROVE_DOMAINS = ["heronvale.example.org"]
    ask(client, school)
    run_tasks()
    confirm = link_in(mailoutbox[0])
    assert client.post(confirm[:-3] + "abc/").status_code == 400
    with mock.patch("time.time", return_value=time.time() + 49 * 3600):
        assert client.post(confirm).status_code == 400
    assert ContributorRequest.objects.get().status == "pending"
    settings.CONTRIBUTOR_AUTO_APPROVE_DOMAINS = []
    assert client.post(confirm).status_code == 400, "a domain taken off the list no longer approves"


def test_the_response_never_says_whether_an_account_exists(client, school, mailoutbox):
    factories.contributor("existing", school=school)
    known = ask(client, school, email="EXISTING@example.org", ip="192.0.2.10")
    unknown = ask(client, school, email="nobody@example.org", ip="192.0.2.11")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert client.get(known.url).content == client.get(unknown.url).content
    run_tasks()
    assert [m.to for m in mailoutbox] == [["existing@example.org"], ["nobody@example.org"]]
    assert "You already have an account" in mailoutbox[0].body
    assert not ContributorRequest.objects.filter(email="existing@example.org", status="pending").exists()

    reset_known = client.post(
        "/admin/password_reset/", {"email": "existing@example.org"}, REMOTE_ADDR="192.0.2.12"
    )
    reset_unknown = client.post(
        "/admin/password_reset/", {"email": "nobody@example.org"}, REMOTE_ADDR="192.0.2.13"
    )
    assert (reset_known.status_code, reset_known.url) == (reset_unknown.status_code, reset_unknown.url)

    bad_login = {"password": "wrong-password-entirely"}
    known_login = client.post(
        "/admin/login/", {"username": "existing", **bad_login}, REMOTE_ADDR="192.0.2.14"
    )
    unknown_login = client.post(
        "/admin/login/", {"username": "nobody", **bad_login}, REMOTE_ADDR="192.0.2.15"
    )
    assert known_login.status_code == unknown_login.status_code == 200
    assert known_login.context["form"].errors == unknown_login.context["form"].errors


@pytest.mark.usefixtures("one_rate_window")
def test_the_request_form_is_rate_limited_by_address_and_by_email(client, school):
    for attempt in range(3):
        assert ask(client, school, ip=f"198.51.100.{attempt}").status_code == 302
    assert (
        ask(client, school, email=" ANN.teacher@heronvale.example.org", ip="198.51.100.9").status_code == 429
    )

    for attempt in range(10):
        assert ask(client, school, email=f"teacher{attempt}@example.org", ip="203.0.113.5").status_code == 302
    assert ask(client, school, email="teacher99@example.org", ip="203.0.113.5").status_code == 429
    assert ContributorRequest.objects.count() == 11

    for attempt in range(5):  # blank forms from a shared school network get their errors, not 429
        assert ask(client, school, email="", ip=f"198.51.100.{20 + attempt}").status_code == 200


@pytest.mark.usefixtures("one_rate_window")
@pytest.mark.parametrize("username", ["existing", "nobody-by-this-name"])
def test_sign_in_is_rate_limited_per_account_and_address_the_same_way_whether_or_not_it_exists(
    client, username
):
    factories.user("existing")
    for _ in range(10):
        client.post("/admin/login/", {"username": username, "password": "guess"}, REMOTE_ADDR="192.0.2.9")
    blocked = client.post(
        "/admin/login/", {"username": username.upper(), "password": "guess"}, REMOTE_ADDR="192.0.2.9"
    )
    assert blocked.status_code == 429
    elsewhere = client.post(
        "/admin/login/", {"username": username, "password": "guess"}, REMOTE_ADDR="192.0.2.99"
    )
    assert elsewhere.status_code == 200  # the form again: another address is not locked out


@pytest.mark.usefixtures("one_rate_window")
def test_sign_in_and_password_reset_are_rate_limited_per_address(client):
    from publishing.sign_in import PER_ADDRESS

    for attempt in range(PER_ADDRESS):
        client.post(
            "/admin/login/", {"username": f"user{attempt}", "password": "guess"}, REMOTE_ADDR="192.0.2.50"
        )
    assert (
        client.post(
            "/admin/login/", {"username": "user", "password": "guess"}, REMOTE_ADDR="192.0.2.50"
        ).status_code
        == 429
    )
    assert (
        client.post(
            "/admin/login/", {"username": "user", "password": "guess"}, REMOTE_ADDR="192.0.2.51"
        ).status_code
        == 200
    )
    for attempt in range(5):
        client.post(
            "/admin/password_reset/", {"email": "someone@example.org"}, REMOTE_ADDR=f"192.0.2.{60 + attempt}"
        )
    assert (
        client.post(
            "/admin/password_reset/", {"email": "someone@example.org"}, REMOTE_ADDR="192.0.2.70"
        ).status_code
        == 429
    )


def test_requests_never_approved_are_deleted_after_the_retention_period(school, settings):
    settings.CONTRIBUTOR_REQUEST_RETENTION_DAYS = 30
    old = timezone.now() - datetime.timedelta(days=31)
    recent = timezone.now() - datetime.timedelta(days=29)
    teacher = factories.contributor()
    approved = ContributorRequest.objects.get(user=teacher)
    for status, created in (("pending", old), ("rejected", old), ("pending", recent)):
        ContributorRequest.objects.create(
            name="N",
            email=f"{status}{created:%d}@example.org",
            school=school,
            role_at_school="Teacher",
            status=status,
            created_at=created,
        )
    ContributorRequest.objects.filter(pk=approved.pk).update(created_at=old)

    call_command("purge_contributor_requests")

    left = set(ContributorRequest.objects.values_list("status", "created_at"))
    assert left == {("approved", old), ("pending", recent)}
