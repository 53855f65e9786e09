"""A careers leader takes the review and reads the profile; a school sees only its own."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.taxonomy.models import School
from selfreview.forms import field_name
from selfreview.models import BenchmarkRating, SelfReview
from selfreview.vocabulary import MET, NOT_YET, PARTLY, STATEMENTS
from tests.events.factories import event, event_index
from tests.publishing.factories import user
from tests.resources.factories import resource, resource_index

from .factories import answers, careers_leader, review_in, school, this_term

pytestmark = pytest.mark.django_db


def form_data(met=frozenset(), not_yet=frozenset()) -> dict[str, str]:
    by_code = answers(met=met, not_yet=not_yet)
    return {field_name(s): by_code[s.code] for s in STATEMENTS}


@pytest.fixture
def heron(db):
    return school("Heron Vale School", "900102")


@pytest.fixture
def leader(client, heron):
    person = careers_leader(heron)
    client.force_login(person)
    return person


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/self-review/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "next=/self-review/" in response["Location"]


def test_an_account_that_is_not_a_careers_leader_is_told_so(client, heron):
    client.force_login(user("someone"))
    response = client.get("/self-review/take/")
    assert response.status_code == 403
    assert b"not set up as a careers leader" in response.content


def test_linking_an_account_gives_the_role_and_unlinking_takes_it(heron):
    person = careers_leader(heron)
    assert person.has_perm("selfreview.take_self_review")
    person.careers_leader.delete()
    person = type(person).objects.get(pk=person.pk)
    assert not person.has_perm("selfreview.take_self_review")


def test_the_form_asks_every_statement_as_radios_in_a_fieldset(client, leader):
    html = client.get("/self-review/take/").content.decode()
    assert html.count('<fieldset class="govuk-fieldset"') == len(STATEMENTS)
    assert html.count('type="radio"') == 3 * len(STATEMENTS)
    assert "Benchmark 8: Personal guidance" in html


def test_a_missing_answer_shows_the_error_summary_and_saves_nothing(client, leader):
    data = form_data()
    missing = STATEMENTS[4]
    del data[field_name(missing)]
    response = client.post("/self-review/take/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#id_{field_name(missing)}_0"' in html
    assert f"Benchmark {missing.benchmark}: choose met, partly or not yet" in html
    assert html.count('value="partly" checked') == len(STATEMENTS) - 1
    assert not SelfReview.objects.exists()


def test_an_unknown_answer_is_refused(client, leader):
    response = client.post("/self-review/take/", {**form_data(), field_name(STATEMENTS[0]): "always"})
    assert response.status_code == 200
    assert not SelfReview.objects.exists()


def test_the_profile_shows_strengths_and_resources_for_the_weakest(client, leader, heron, home):
    bank = resource_index(home)
    for_b3 = resource(
        bank, title="Tracking each pupil and their careers journey", benchmarks=[3], key_stages=["KS4"]
    )
    primary_only = resource(bank, title="Jobs in our town for Year 2", benchmarks=[3], key_stages=["KS1"])
    special_only = resource(bank, title="Sensory workplace visits", benchmarks=[3], settings=["special"])
    soon = timezone.now() + datetime.timedelta(days=30)
    fair = event(event_index(home), start=soon, title="Stockton careers fair")
    response = client.post("/self-review/take/", form_data(met={1, 2}, not_yet={3, 7}))
    review = SelfReview.objects.get()
    assert response["Location"] == reverse("selfreview:profile", args=[review.pk])
    assert review.term_of == this_term()
    assert review.completed_by == leader
    ratings = dict(BenchmarkRating.objects.values_list("benchmark", "rating"))
    assert ratings == {1: MET, 2: MET, 3: NOT_YET, 4: PARTLY, 5: PARTLY, 6: PARTLY, 7: NOT_YET, 8: PARTLY}

    html = client.get(response["Location"]).content.decode()
    strengths = html.split('<h2 class="govuk-heading-l">Strengths</h2>')[1].split("</ul>")[0]
    assert "A stable careers programme" in strengths and "Learning from career" in strengths
    focus = re.findall(r'<h3 class="govuk-heading-m" id="focus-(\d)">', html)
    assert focus == ["3", "7", "4"]  # two not yet (lowest number first), then the first partly
    b3 = html.split('id="focus-3"')[1].split("</section>")[0]
    assert for_b3.title in b3
    assert primary_only.title not in b3 and special_only.title not in b3
    b7 = html.split('id="focus-7"')[1].split("</section>")[0]
    assert fair.title in b7


def test_retaking_in_the_same_term_replaces_and_a_new_term_adds(client, leader, heron):
    earlier = review_in(this_term().previous(), heron, not_yet={5})
    client.post("/self-review/take/", form_data(not_yet={5}))
    response = client.post("/self-review/take/", form_data(met={5}))
    assert SelfReview.objects.count() == 2
    latest = SelfReview.objects.exclude(pk=earlier.pk).get()
    assert latest.ratings.get(benchmark=5).rating == MET
    html = client.get(response["Location"]).content.decode()
    assert f"compared with your review for {earlier.term_of.label}" in html
    assert "up 100" in html  # Benchmark 5 went from 0% to 100%
    overview = client.get("/self-review/").content.decode()
    assert overview.index(latest.term_of.label) < overview.index(earlier.term_of.label)
    assert "Retake the review" in overview


def test_a_school_sees_only_its_own_reviews(client, leader, heron):
    other = school("Kingfisher Academy", "900101")
    theirs = review_in(this_term(), other, met={1})
    assert client.get(reverse("selfreview:profile", args=[theirs.pk])).status_code == 404
    assert "Kingfisher" not in client.get("/self-review/").content.decode()
    form = client.get("/self-review/take/").content.decode()
    assert "checked" not in form  # their answers this term are not offered as ours


def test_a_primary_school_is_offered_no_placements(heron, home):
    from selfreview.profile import suggestions

    primary = school("Wren Primary", "900301", School.Phase.PRIMARY)
    assert suggestions(6, primary).placements == []
