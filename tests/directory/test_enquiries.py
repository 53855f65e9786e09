"""A school sends a referral enquiry from a service's page: good and bad input, the email to the
team, the confirmation page, CSRF and rate limiting."""

from collections.abc import Iterator

import pytest
from django.core import mail
from django.test import Client

from directory.models import ReferralEnquiry, ServicePage
from portal.home.models import HomePage
from portal.taxonomy.models import School
from tests.shared_data import built_once
from tests.tasks import commit, run_tasks

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_service(django_db_setup, django_db_blocker) -> Iterator[int]:
    """A team's service, built once for the module (tests/shared_data.py). The on-commit callbacks
    of its publishing are run here, as its commit would: left pending, the first test to call
    run_tasks() would run them, and every later one would find them gone (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        page = factories.service(
            factories.support_index(HomePage.objects.get()), title="Educational psychology"
        )
        commit()
        yield page.pk


@pytest.fixture
def service(built_service, db) -> ServicePage:
    """The service, read afresh for each test: tests post enquiries to it."""
    return ServicePage.objects.get(pk=built_service)


@pytest.fixture
def school(db):
    return School.objects.create(name="Kingfisher Academy", urn="900101", phase="secondary", kind="academy")


def good_answers(chosen: School | None = None, **changes: str) -> dict[str, str]:
    answers = {
        "school": str(chosen.pk) if chosen else "not-listed",
        "school_name": "" if chosen else "Little Acorns Nursery",
        "contact_name": "A Teacher",
        "contact_role": "SENCO",
        "email": "senco@school.example.org",
        "phone": "01632 960 010",
        "support_sought": "A Year 4 pupil with speech and language needs, not known to the service.",
        "no_pupil_details": "on",
    }
    return answers | changes


def test_the_form_says_not_to_identify_pupils(client, service):
    response = client.get(service.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Do not include a pupil's name, date of birth" in html
    assert 'name="no_pupil_details"' in html and 'href="/privacy/"' in html


def test_a_good_enquiry_is_saved_emailed_and_confirmed(
    client, service, school, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(service.url, good_answers(school), follow=True)
    enquiry = ReferralEnquiry.objects.get()
    assert response.redirect_chain[-1][0] == service.url + "enquiry-sent/"
    assert enquiry.reference in response.content.decode()
    assert (enquiry.service, enquiry.school, enquiry.school_name) == (service, school, "")
    assert enquiry.service_title == "Educational psychology"
    assert enquiry.responded_at is None
    assert mail.outbox == []  # queued with the enquiry, sent by the worker
    run_tasks()
    [email] = mail.outbox
    assert email.to == [service.team.contact_email]
    assert email.reply_to == ["senco@school.example.org"]
    assert enquiry.reference in email.subject
    assert (
        "Kingfisher Academy" in email.body and f"/admin/referral_enquiries/edit/{enquiry.pk}/" in email.body
    )


def test_a_school_not_in_the_list_can_give_its_name(client, service):
    client.post(service.url, good_answers())
    enquiry = ReferralEnquiry.objects.get()
    assert enquiry.school is None and enquiry.school_name == "Little Acorns Nursery"


def test_a_partner_service_emails_the_partner(client, home, django_capture_on_commit_callbacks):
    charity = factories.partner("Riverside Young Carers")
    service = factories.service(factories.support_index(home), run_by=charity)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(service.url, good_answers())
    run_tasks()
    assert mail.outbox[0].to == [charity.email]


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"contact_name": ""}, "contact_name", "Enter your name"),
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format"),
        ({"support_sought": ""}, "support_sought", "Enter what support you are looking for"),
        ({"support_sought": "x" * 2001}, "support_sought", "2,000 characters or fewer"),
        ({"support_sought": "Pupil UPN A123456789012 needs help"}, "support_sought", "unique pupil number"),
        ({"support_sought": "Born 03/05/2016, needs help"}, "support_sought", "date written in numbers"),
        ({"school": ""}, "school", "Choose your school or setting"),
        ({"school": "99999"}, "school", "Choose your school or setting from the list"),
        ({"school_name": ""}, "school_name", "Enter the name of your school or setting"),
        ({"phone": "call me"}, "phone", "Enter a phone number"),
        ({"no_pupil_details": ""}, "no_pupil_details", "Confirm that you have not included"),
    ],
)
def test_bad_answers_show_the_form_again_with_linked_errors(
    client, service, changes, field, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(service.url, good_answers(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert html.count("govuk-form-group--error") >= 1
    run_tasks()
    assert ReferralEnquiry.objects.count() == 0 and mail.outbox == []


def test_the_form_needs_a_csrf_token(service):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(service.url, good_answers()).status_code == 403
    assert ReferralEnquiry.objects.count() == 0


@pytest.mark.usefixtures("one_rate_window")
def test_too_many_enquiries_from_one_address_are_refused(client, service, settings):
    settings.RATELIMIT_ENABLE = True
    statuses = [
        client.post(service.url, good_answers(), REMOTE_ADDR="203.0.113.9").status_code for _ in range(11)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert ReferralEnquiry.objects.count() == 10


def test_the_confirmation_page_without_an_enquiry_still_reads_well(client, service):
    response = client.get(service.url + "enquiry-sent/")
    assert response.status_code == 200
    assert "Enquiry sent" in response.content.decode()
