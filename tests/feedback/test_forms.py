"""The school's and the young people's feedback forms: signed links, the Benchmark 6 questions,
no names stored, one answer from the school, no more young people than places, rate limits."""

import datetime
from collections.abc import Iterator

import pytest
from django.urls import reverse

from feedback.links import FEEDBACK_LINK_DAYS, token
from feedback.models import Feedback
from feedback.vocabulary import NO, NOT_SURE, QUESTIONS, SCHOOL, YES, YOUNG_PERSON, benchmark_for
from placements.models import PlacementRequest, RequestStatus
from portal.home.models import HomePage
from tests.shared_data import built_once

from .factories import ended_request

pytestmark = pytest.mark.django_db
B6 = [q.criterion for q in QUESTIONS[6]]


def all_answered(answer: str = YES, comment: str = "") -> dict[str, str]:
    return {**{code: answer for code in B6}, "comment": comment}


@pytest.fixture(scope="module")
def built_ended(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The ended placement's accepted request, built once for the module (tests/shared_data.py):
    each test's answers and its changes to the window or the request are rolled back. The
    rate-limit test builds its own, with room for a hundred young people."""
    with built_once(django_db_blocker):
        yield ended_request(HomePage.objects.get()).pk


@pytest.fixture
def ended(built_ended, db) -> PlacementRequest:
    """The request, read afresh for each test (docs/test-suite.md), as ended_request returns it."""
    return PlacementRequest.objects.select_related("window", "team").get(pk=built_ended)


def school_url(placement_request) -> str:
    return reverse("feedback:school", args=[token(placement_request, SCHOOL)])


def young_url(placement_request) -> str:
    return reverse("feedback:young_people", args=[token(placement_request, YOUNG_PERSON)])


def test_the_school_form_asks_the_benchmark_6_criteria_as_radios(client, ended):
    assert benchmark_for(ended) == 6
    html = client.get(school_url(ended)).content.decode()
    assert html.count('<fieldset class="govuk-fieldset"') == len(B6)
    assert "Did they do a task set by the employer" in html
    assert "Did the employer give the young people feedback on their work?" in html
    assert "Please do not write anyone" in html
    assert young_url(ended) in html  # the link to hand out, and its QR code
    assert reverse("feedback:young_people_qr", args=[token(ended, YOUNG_PERSON), "svg"]) in html


def test_the_schools_answer_is_stored_without_names_and_only_once(client, ended):
    response = client.post(school_url(ended), all_answered(comment="Well organised, thank you."))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("feedback:thanks"))
    feedback = Feedback.objects.get()
    assert (feedback.respondent, feedback.benchmark) == (SCHOOL, 6)
    assert feedback.answers == dict.fromkeys(B6, YES)
    stored = {f.name for f in Feedback._meta.get_fields()}
    assert stored == {
        "id",
        "placement_request",
        "respondent",
        "benchmark",
        "answers",
        "comment",
        "given_on",
        "submission",
    }
    assert ended.contact_name not in str(Feedback.objects.values().get())
    thanks = client.get(response["Location"]).content.decode()
    assert young_url(ended) in thanks

    again = client.post(school_url(ended), all_answered(NO))
    assert again.status_code == 200
    assert "already been sent" in again.content.decode()
    assert Feedback.objects.get().answers == dict.fromkeys(B6, YES)


def test_a_missing_answer_shows_the_error_summary_and_saves_nothing(client, ended):
    data = all_answered()
    del data["b6-feedback"]
    response = client.post(school_url(ended), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert 'href="#id_b6-feedback_0"' in html
    assert "Choose yes, no or not sure for “Did the employer give the young people feedback" in html
    assert not Feedback.objects.exists()


def test_young_people_answer_anonymously_up_to_the_number_of_places(client, ended):
    url = young_url(ended)
    html = client.get(url).content.decode()
    assert "Did someone there tell you how well you did your work?" in html
    for answer in (YES, NO, NOT_SURE):
        assert client.post(url, all_answered(answer)).status_code == 302
    fourth = client.post(url, all_answered())
    assert "Everyone from this placement has already answered" in fourth.content.decode()
    assert Feedback.objects.filter(respondent=YOUNG_PERSON).count() == ended.young_people == 3


def test_the_same_form_sent_twice_counts_once(client, ended):
    url = young_url(ended)
    html = client.get(url).content.decode()
    submission = html.split('name="submission" value="')[1].split('"')[0]
    for _ in range(2):
        response = client.post(url, {**all_answered(), "submission": submission})
        assert response.status_code == 302
    assert Feedback.objects.filter(respondent=YOUNG_PERSON).count() == 1
    assert 'type="text" value="' + submission not in html  # the token is a hidden field


@pytest.mark.parametrize(
    "problem",
    ["tampered", "other form", "expired", "not ended", "not accepted"],
)
def test_bad_links_get_a_clear_400(client, ended, problem):
    value = token(ended, SCHOOL)
    if problem == "tampered":
        value = value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    elif problem == "other form":
        value = token(ended, YOUNG_PERSON)
    elif problem == "expired":
        long_ago = datetime.date.today() - datetime.timedelta(days=FEEDBACK_LINK_DAYS + 1)
        type(ended.window).objects.filter(pk=ended.window.pk).update(end_date=long_ago)
    elif problem == "not ended":
        later = ended.window.end_date + datetime.timedelta(days=30)
        type(ended.window).objects.filter(pk=ended.window.pk).update(end_date=later)
    elif problem == "not accepted":
        PlacementRequest.objects.filter(pk=ended.pk).update(status=RequestStatus.DECLINED)
    response = client.post(reverse("feedback:school", args=[value]), all_answered())
    assert response.status_code == 400
    assert "This feedback link does not work" in response.content.decode()
    assert not Feedback.objects.exists()


def test_the_qr_code_is_made_on_the_server(client, ended):
    value = token(ended, YOUNG_PERSON)
    svg = client.get(reverse("feedback:young_people_qr", args=[value, "svg"]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg")
    png = client.get(reverse("feedback:young_people_qr", args=[value, "png"]) + "?download=1")
    assert png.content.startswith(b"\x89PNG")
    assert "attachment" in png["Content-Disposition"]
    assert client.get(reverse("feedback:young_people_qr", args=[value, "gif"])).status_code == 404
    assert (
        client.get(reverse("feedback:young_people_qr", args=[token(ended, SCHOOL), "svg"])).status_code == 400
    )


@pytest.mark.usefixtures("one_rate_window")
def test_the_forms_are_rate_limited_by_address(client, home):
    ended = ended_request(home, young_people=100)
    url = young_url(ended)
    for _ in range(60):
        assert client.post(url, all_answered(), REMOTE_ADDR="198.51.100.7").status_code == 302
    assert client.post(url, all_answered(), REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(url, all_answered(), REMOTE_ADDR="198.51.100.8").status_code == 302
    school = school_url(ended)
    for _ in range(20):
        client.post(school, {}, REMOTE_ADDR="203.0.113.9")
    assert client.post(school, all_answered(), REMOTE_ADDR="203.0.113.9").status_code == 429
    assert not Feedback.objects.filter(respondent=SCHOOL).exists()
