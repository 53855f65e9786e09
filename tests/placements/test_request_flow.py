"""A school asks for places: the valid journey with its emails and status link, every kind of
invalid input, a full window, an expired listing and more young people than places left. Nothing
is saved unless everything is valid, and nothing about a pupil is ever asked for."""

import datetime
import re
from collections.abc import Iterator

import pytest
from django.core import mail

from placements.booking import decide
from placements.links import status_token
from placements.models import PlacementPage, PlacementRequest, RequestEvent, RequestStatus, WindowCapacity
from portal.home.models import HomePage
from tests.shared_data import built_once
from tests.tasks import commit, run_tasks

from .factories import capacity, host_team, placement, placement_request, school

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_listing(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The highways team's listing, built once for the module (tests/shared_data.py): each
    test's requests and decisions are rolled back. Its build's on-commit callbacks are run here, as
    its commit would, so a test that runs the queued tasks runs only its own (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        listing = placement(
            host_team(HomePage.objects.get(), "highways"), title="Engineering week", key_stages=("KS5",)
        )
        commit()
        yield listing.pk


@pytest.fixture
def listing(built_listing, db) -> PlacementPage:
    """The module's listing, read afresh for each test."""
    return PlacementPage.objects.get(pk=built_listing)


def form_url(listing: PlacementPage) -> str:
    return f"{listing.url}request/"


def valid_data(listing: PlacementPage, **changes) -> dict:
    data = {
        "window": str(capacity(listing).pk),
        "setting": "",
        "school": str(school().pk),
        "organisation_name": "",
        "contact_name": "Careers Leader",
        "contact_email": "careers@kingfisher.example.org",
        "contact_phone": "01642 123456",
        "young_people": "2",
        "year_groups": ["Y12"],
        "adjustments_needed": "A quiet space at lunchtime.",
    }
    from portal.taxonomy.models import Setting

    data["setting"] = str(Setting.objects.get(code="mainstream").pk)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_says_not_to_give_pupil_details(client, listing):
    response = client.get(form_url(listing))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Do not give pupils' names" in html
    assert 'href="/privacy/"' in html
    assert {"name", "date_of_birth", "pupil"}.isdisjoint(response.context["form"].fields)


def test_a_valid_request_is_saved_emailed_and_followed_by_a_signed_link(
    client, listing, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(listing), valid_data(listing))
    placement_request = PlacementRequest.objects.get()
    token = status_token(placement_request)
    assert response.status_code == 302
    assert response["Location"] == f"/placements/requests/{token}/sent/"
    assert (placement_request.young_people, placement_request.year_groups, placement_request.status) == (
        2,
        ["Y12"],
        "pending",
    )
    assert placement_request.team == listing.host_team
    assert list(placement_request.events.values_list("action", flat=True)) == ["created"]

    assert mail.outbox == []  # queued with the request, sent by the worker
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["careers@kingfisher.example.org", "highways@example.org"]
    to_school = next(m for m in mail.outbox if m.to == ["careers@kingfisher.example.org"])
    to_team = next(m for m in mail.outbox if m.to == ["highways@example.org"])
    assert f"/placements/requests/{token}/" in to_school.body
    assert f"/admin/placement_requests/edit/{placement_request.pk}/" in to_team.body

    sent = client.get(response["Location"])
    assert sent.status_code == 200 and placement_request.reference.encode() in sent.content
    status = client.get(f"/placements/requests/{token}/")
    assert status.status_code == 200 and b"Waiting for a decision" in status.content


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"window": None}, "window", "Select the dates you want"),
        ({"window": "999999"}, "window", "Select dates from the list"),
        ({"setting": None}, "setting", "Select the kind of setting the young people are from"),
        (
            {"school": None},
            "school",
            "Select your school or college, or enter the name of your organisation below",
        ),
        ({"organisation_name": "Home-education network"}, "organisation_name", "not both"),
        ({"school": "abc"}, "school", "Select your school or college from the list"),
        ({"contact_name": ""}, "contact_name", "Enter your name"),
        ({"contact_name": "x" * 101}, "contact_name", "100 characters or fewer"),
        ({"contact_email": ""}, "contact_email", "Enter your email address"),
        ({"contact_email": "not-an-email"}, "contact_email", "Enter an email address in the correct format"),
        ({"contact_phone": ""}, "contact_phone", "Enter a telephone number"),
        ({"contact_phone": "call me"}, "contact_phone", "Enter a telephone number, like"),
        ({"young_people": ""}, "young_people", "Enter how many young people need a place"),
        ({"young_people": "two"}, "young_people", "must be a whole number"),
        ({"young_people": "0"}, "young_people", "must be 1 or more"),
        ({"young_people": "31"}, "young_people", "must be 30 or fewer"),
        ({"year_groups": None}, "year_groups", "Select the year groups of the young people"),
        ({"year_groups": ["Y10"]}, "year_groups", "Select year groups from the list"),
        ({"adjustments_needed": "x" * 1001}, "adjustments_needed", "1000 characters or fewer"),
    ],
)
def test_each_bad_field_gets_a_clear_message_and_nothing_is_saved(client, listing, changes, field, message):
    response = client.post(form_url(listing), valid_data(listing, **changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}' in html  # the error summary links to the field
    assert not PlacementRequest.objects.exists()


def test_an_empty_post_shows_every_error(client, listing):
    response = client.post(form_url(listing), {})
    assert response.status_code == 400
    assert {"window", "setting", "contact_name", "contact_email", "young_people"} <= set(
        response.context["form"].errors
    )
    assert not PlacementRequest.objects.exists()


def test_a_setting_the_placement_does_not_take_is_refused(client, home):
    listing = placement(host_team(home), settings=("college",))
    from portal.taxonomy.models import Setting

    data = valid_data(listing, setting=str(Setting.objects.get(code="home-education").pk))
    response = client.post(form_url(listing), data)
    assert response.status_code == 400 and "setting" in response.context["form"].errors


def test_home_education_uses_the_organisation_name_instead_of_a_school(
    client, listing, django_capture_on_commit_callbacks
):
    from portal.taxonomy.models import Setting

    data = valid_data(listing, school=None, organisation_name="Stockton home-education network")
    data["setting"] = str(Setting.objects.get(code="home-education").pk)
    response = client.post(form_url(listing), data)
    assert response.status_code == 302
    assert PlacementRequest.objects.get().organisation == "Stockton home-education network"


def test_more_young_people_than_places_left_is_refused(client, listing):
    decide(
        placement_request(capacity(listing), young_people=2).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM
    )
    response = client.post(form_url(listing), valid_data(listing, young_people="2"))
    assert response.status_code == 400
    assert "There is only 1 place left in these dates" in response.context["form"].errors["young_people"][0]
    assert PlacementRequest.objects.count() == 1


def test_a_full_window_is_refused(client, home):
    listing = placement(
        host_team(home),
        windows=(
            (
                datetime.date.today() + datetime.timedelta(days=5),
                datetime.date.today() + datetime.timedelta(days=6),
                1,
            ),
            (
                datetime.date.today() + datetime.timedelta(days=50),
                datetime.date.today() + datetime.timedelta(days=51),
                1,
            ),
        ),
    )
    full = capacity(listing, 0)
    decide(placement_request(full).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    response = client.post(
        form_url(listing), valid_data(listing, window=str(full.pk), young_people="1", year_groups=["Y10"])
    )
    assert response.status_code == 400
    assert response.context["form"].errors["window"] == ["These dates are now full. Select other dates"]


def test_when_every_window_is_full_the_form_explains_instead(client, listing):
    decide(
        placement_request(capacity(listing), young_people=3).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM
    )
    response = client.get(form_url(listing))
    assert response.status_code == 200
    assert b"is full or has passed" in response.content
    assert client.post(form_url(listing), valid_data(listing, young_people="1")).status_code == 409
    assert PlacementRequest.objects.count() == 1


def test_an_expired_listing_cannot_be_requested(client, listing, settings):
    expired = datetime.date.today() - datetime.timedelta(days=settings.PLACEMENT_EXPIRE_AFTER_DAYS + 1)
    PlacementPage.objects.filter(pk=listing.pk).update(last_confirmed=expired)
    page_html = client.get(listing.url).content.decode()
    assert "cannot ask for places until they confirm" in page_html
    assert "request/" not in page_html
    response = client.post(form_url(listing), valid_data(listing))
    assert response.status_code == 409
    assert b"has not confirmed since" in response.content
    assert not PlacementRequest.objects.exists()


def test_the_status_link_is_unguessable(client, listing):
    placement_request = placement_request_for(listing)
    token = status_token(placement_request)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(f"/placements/requests/{tampered}/").status_code == 404
    assert client.get(f"/placements/requests/{placement_request.public_id.hex}/").status_code == 404
    assert client.get(f"/placements/requests/{placement_request.pk}/").status_code == 404


def placement_request_for(listing: PlacementPage) -> PlacementRequest:
    return placement_request(capacity(listing), young_people=2)


def test_the_requester_can_cancel_and_frees_accepted_places(
    client, listing, django_capture_on_commit_callbacks
):
    placement_request = placement_request_for(listing)
    decide(placement_request.pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    url = f"/placements/requests/{status_token(placement_request)}/"
    run_tasks()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    placement_request.refresh_from_db()
    assert placement_request.status == RequestStatus.CANCELLED
    assert WindowCapacity.objects.get(pk=placement_request.window_id).places_taken == 0
    run_tasks()
    assert [m.to for m in mail.outbox] == [["highways@example.org"]]
    assert "free again" in mail.outbox[0].body
    page = client.get(url).content.decode()
    assert "Cancelled" in page and "Cancel this request</button>" not in page


def test_decisions_email_the_requester(listing, django_capture_on_commit_callbacks):
    placement_request = placement_request_for(listing)
    run_tasks()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            placement_request.pk,
            "accept",
            actor=RequestEvent.Actor.HOST_TEAM,
            note="Come to reception at 9am.",
        )
    run_tasks()
    assert [m.to for m in mail.outbox] == [["careers@school.example.org"]]
    assert "accepted" in mail.outbox[0].body and "Come to reception at 9am." in mail.outbox[0].body
    assert re.search(r"/placements/requests/[^/\s]+/", mail.outbox[0].body)


@pytest.mark.usefixtures("one_rate_window")
def test_the_request_form_is_rate_limited(client, listing, settings):
    settings.RATELIMIT_ENABLE = True
    statuses = [client.post(form_url(listing), {"contact_name": ""}).status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
