"""Public forms answer with their confirmation whatever the mail server does, save one row however
often the same form is sent, and every email arrives exactly once when the server is back.

The request runs with real commits (transactional tests), so an email sent "after the commit" in
the request would touch the SMTP server here; these tests prove the request never does: only the
worker (tests.tasks.run_tasks) talks to the server."""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from directory.models import ReferralEnquiry
from placements.models import PlacementRequest
from publishing.models import ContributorRequest
from tests.directory import factories as directory_factories
from tests.directory.test_enquiries import good_answers
from tests.placements.factories import host_team, placement
from tests.placements.test_request_flow import valid_data
from tests.publishing import factories as publishing_factories
from tests.tasks import run_tasks

from .test_outbox import NEXT_RETRY


@dataclass
class PublicForm:
    url: str
    answers: dict
    rows: Callable[[], int]
    recipients: list[str]


def request_for_places(home) -> PublicForm:
    listing = placement(host_team(home, "highways"), title="Engineering week", key_stages=("KS5",))
    return PublicForm(
        url=f"{listing.url}request/",
        answers=valid_data(listing),
        rows=PlacementRequest.objects.count,
        recipients=["careers@kingfisher.example.org", "highways@example.org"],
    )


def referral_enquiry(home) -> PublicForm:
    service = directory_factories.service(
        directory_factories.support_index(home), title="Speech and language"
    )
    return PublicForm(
        url=service.url,
        answers=good_answers(),
        rows=ReferralEnquiry.objects.count,
        recipients=[service.team.contact_email],
    )


def contributor_request(home) -> PublicForm:
    school = publishing_factories.a_school()
    return PublicForm(
        url="/contributors/request-account/",
        answers={
            "name": "Ann Teacher",
            "email": "ann.teacher@heronvale.example.org",
            "school": str(school.pk),
            "role_at_school": "Careers leader",
        },
        rows=ContributorRequest.objects.count,
        recipients=["ann.teacher@heronvale.example.org"],
    )


FORMS = [request_for_places, referral_enquiry, contributor_request]


def filled_in(client: Client, form: PublicForm) -> dict:
    """The answers plus the hidden fields of the form as the page served it."""
    page = client.get(form.url)
    assert page.status_code == 200
    token = re.search(r'name="submission" value="([^"]+)"', page.content.decode())
    assert token, "the form carries its one-time token"
    return {**form.answers, "submission": token.group(1)}


def delivered(smtp) -> list[str]:
    return sorted(to for to, _ in smtp.received())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("make_form", FORMS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("fault", ["refuse", "stall"])
def test_the_form_confirms_while_mail_fails_and_each_email_arrives_once_after(home, smtp, make_form, fault):
    form = make_form(home)
    getattr(smtp, fault)()
    client = Client()

    response = client.post(form.url, filled_in(client, form))

    assert response.status_code == 302, "the confirmation"
    assert client.get(response["Location"]).status_code == 200
    assert form.rows() == 1
    assert smtp.stalled_connections == 0, "the request never touched the mail server"

    run_tasks()  # the worker tries while the server is still down
    assert delivered(smtp) == []
    if fault == "stall":
        assert smtp.stalled_connections >= len(form.recipients), "the worker tried each while it stalled"

    smtp.accept()
    run_tasks(later=NEXT_RETRY)
    assert delivered(smtp) == sorted(form.recipients)

    call_command("requeue_email")
    run_tasks(later=NEXT_RETRY * 100)
    assert delivered(smtp) == sorted(form.recipients), "each email exactly once"


@pytest.mark.django_db
@pytest.mark.parametrize("make_form", FORMS, ids=lambda f: f.__name__)
def test_the_same_form_sent_twice_makes_one_row_and_one_set_of_emails(home, make_form):
    form = make_form(home)
    client = Client()
    answers = filled_in(client, form)

    first = client.post(form.url, answers)
    again = client.post(form.url, answers)  # a double click, or back and send again

    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert form.rows() == 1
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(form.recipients)


@pytest.mark.django_db
def test_a_resent_enquiry_shows_the_first_enquirys_reference(home):
    form = referral_enquiry(home)
    answers = filled_in(Client(), form)
    first, second = Client(), Client()  # the second sending comes without the first's session
    first.post(form.url, answers)
    confirmation = second.post(form.url, answers, follow=True).content.decode()
    assert ReferralEnquiry.objects.get().reference in confirmation


@pytest.mark.django_db
def test_someone_elses_token_does_not_show_them_the_first_request(home):
    """A form page that somehow reached two people (it is never cached) makes two requests."""
    form = request_for_places(home)
    answers = filled_in(Client(), form)
    Client().post(form.url, answers)
    other = Client().post(form.url, {**answers, "contact_email": "someone.else@example.org"})
    assert other.status_code == 302
    assert PlacementRequest.objects.count() == 2
    assert len(set(PlacementRequest.objects.values_list("submission", flat=True))) == 2


@pytest.mark.django_db
def test_two_sendings_that_race_past_the_check_still_make_one_request(home):
    from placements.booking import submit_request
    from placements.forms import PlacementRequestForm

    form_data = request_for_places(home)
    listing = PlacementRequest._meta.get_field("window").related_model.objects.get().page
    answers = filled_in(Client(), form_data)
    form = PlacementRequestForm(answers, page=listing.specific)
    assert form.is_valid(), form.errors
    token = form.cleaned_data["submission"]
    first = submit_request(form.to_request(submission=token))
    second = submit_request(form.to_request(submission=token))  # the unique index refuses it
    assert first.pk == second.pk and PlacementRequest.objects.count() == 1
