"""Opportunities of several kinds: the `kind` filter ("What it is"), key stages from KS2, the
Benchmark 5 checklist on encounters, the editor's checks on kind, and a school asking a host to
come to it (a range of dates; the host accepts with one), with the data migration's frozen hours."""

import datetime
import importlib
from collections.abc import Iterator

import pytest
from django.core import mail

from placements.booking import DecisionError, decide
from placements.links import status_token
from placements.models import PlacementPage, PlacementRequest, RequestStatus
from placements.page_forms import PlacementPageForm
from portal.home.models import HomePage
from portal.taxonomy.models import KeyStage, MeaningfulCriterion, Setting
from tests.shared_data import Kept, afresh, built_once, kept
from tests.tasks import commit, run_tasks

from .factories import capacity, host_team, placement, school

pytestmark = pytest.mark.django_db
SOON = datetime.date.today() + datetime.timedelta(days=30)
B5 = ("b5-clear-purpose", "b5-two-way")


@pytest.fixture(scope="module")
def built_listings(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """The parks team's placement, visit and talk, built once for the module
    (tests/shared_data.py): each test's requests are rolled back. The build's on-commit callbacks
    are run here, as its commit would, so a test that runs the queued tasks runs only its own
    (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        built = kept(_build_listings(HomePage.objects.get()))
        commit()
        yield built


@pytest.fixture
def listings(built_listings, db) -> dict[str, PlacementPage]:
    """The module's listings, read afresh for each test."""
    return afresh(built_listings)


def _build_listings(home: HomePage) -> dict[str, PlacementPage]:
    host = host_team(home, "parks")
    return {
        "placement": placement(host, title="Ranger week", key_stages=("KS4",)),
        "visit": placement(
            host, title="Pond dipping visit", kind="workplace-visit", key_stages=("KS2", "KS3"), criteria=B5
        ),
        "talk": placement(
            host,
            title="Rangers' talk",
            kind="talk-in-school",
            key_stages=("KS3",),
            criteria=B5,
            windows=((SOON, SOON + datetime.timedelta(days=20), 60),),
            hours_each=1,
        ),
    }


def titles(client, query: str) -> set[str]:
    response = client.get(f"/placements/?{query}")
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    return {title for title in TITLES if f">{title}</a></h3>" in html}


TITLES = ("Ranger week", "Pond dipping visit", "Rangers' talk")


def test_kind_filters_the_directory_and_is_called_what_it_is(client, listings):
    assert titles(client, "kind=workplace-visit") == {"Pond dipping visit"}
    assert titles(client, "kind=workplace-visit&kind=talk-in-school") == {
        "Pond dipping visit",
        "Rangers' talk",
    }
    assert titles(client, "key_stage=KS3") == {"Pond dipping visit", "Rangers' talk"}
    assert titles(client, "key_stage=KS2") == {"Pond dipping visit"}
    html = client.get("/placements/").content.decode()
    assert "What it is" in html and "Talk or workshop in school" in html


def test_an_unknown_kind_is_ignored_with_a_message(client, listings):
    response = client.get("/placements/?kind=circus")
    assert response.status_code == 200 and "circus" in response.content.decode()
    assert titles(client, "kind=circus") == set(TITLES)


def test_encounters_show_benchmark_5_and_placements_benchmark_6(client, listings):
    visit = client.get(listings["visit"].url).content.decode()
    assert "meaningful encounter with an employer" in visit and "Benchmark 5" in visit
    assert visit.count(">Met<") == 2 and visit.count(">Not met<") == 2  # Benchmark 5 has four criteria
    placement_html = client.get(listings["placement"].url).content.decode()
    assert "meaningful experience of a workplace" in placement_html
    assert listings["visit"].search_document()["benchmarks"] == [5]


def test_every_listing_says_who_hosts_it(client, listings):
    html = client.get("/placements/").content.decode()
    assert html.count("Hosted by Parks, Stockton-on-Tees Borough Council") == 3


@pytest.mark.parametrize(
    ("kind", "key_stages", "criteria", "errors"),
    [
        ("work-placement", ("KS2", "KS4"), ("b6-feedback",), {"key_stages"}),
        ("workplace-visit", ("KS2",), ("b6-feedback",), {"meaningful_criteria"}),
        ("mock-interviews", ("KS3",), (), {"key_stages"}),
        ("workplace-visit", ("KS2", "KS5"), B5, set()),
    ],
)
def test_the_editor_checks_key_stages_and_criteria_against_the_kind(
    listings, kind, key_stages, criteria, errors
):
    form = PlacementPageForm.__new__(PlacementPageForm)
    form._errors = {}
    form.cleaned_data = {}
    form.add_error = lambda field, message: form._errors.setdefault(field, []).append(message)
    form._check_kind(
        {
            "kind": kind,
            "key_stages": KeyStage.objects.filter(code__in=key_stages),
            "meaningful_criteria": MeaningfulCriterion.objects.filter(code__in=criteria),
        }
    )
    assert set(form._errors) == errors


def request_data(listing: PlacementPage, **changes) -> dict:
    data = {
        "window": str(capacity(listing).pk),
        "setting": str(Setting.objects.get(code="mainstream").pk),
        "school": str(school().pk),
        "organisation_name": "",
        "contact_name": "Careers Leader",
        "contact_email": "careers@kingfisher.example.org",
        "contact_phone": "01642 123456",
        "young_people": "60",
        "year_groups": ["Y8"],
        "preferred_from": (SOON + datetime.timedelta(days=2)).isoformat(),
        "preferred_to": (SOON + datetime.timedelta(days=9)).isoformat(),
        "adjustments_needed": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preferred_from": ""}, "Enter the earliest date"),
        ({"preferred_to": (SOON + datetime.timedelta(days=1)).isoformat()}, "The latest date must be"),
        (
            {
                "preferred_from": (SOON + datetime.timedelta(days=40)).isoformat(),
                "preferred_to": (SOON + datetime.timedelta(days=41)).isoformat(),
            },
            "when the host can come",
        ),
        ({"young_people": "61"}, "only 60 places left"),
    ],
)
def test_asking_a_host_to_come_needs_dates_in_the_hosts_window(client, listings, changes, message):
    response = client.post(f"{listings['talk'].url}request/", request_data(listings["talk"], **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not PlacementRequest.objects.exists()


def test_the_host_accepts_with_a_date_in_the_schools_range(client, listings):
    response = client.post(f"{listings['talk'].url}request/", request_data(listings["talk"]))
    assert response.status_code == 302
    run_tasks()
    asked = PlacementRequest.objects.get()
    assert asked.preferred_from == SOON + datetime.timedelta(days=2) and asked.young_people == 60
    assert any("accept with one date" in m.body for m in mail.outbox)

    with pytest.raises(DecisionError, match="Give the date"):
        decide(asked.pk, "accept", actor="host-team")
    with pytest.raises(DecisionError, match="Choose a date between"):
        decide(asked.pk, "accept", actor="host-team", date=SOON)
    assert PlacementRequest.objects.get().status == RequestStatus.PENDING
    assert capacity(listings["talk"]).places_taken == 0

    agreed = SOON + datetime.timedelta(days=5)
    decide(asked.pk, "accept", actor="host-team", date=agreed)
    run_tasks()
    asked.refresh_from_db()
    assert (asked.status, asked.agreed_date) == (RequestStatus.ACCEPTED, agreed)
    assert capacity(listings["talk"]).places_taken == 60
    assert f"{agreed:%-d %B %Y}" in mail.outbox[-1].body
    status_page = client.get(f"/placements/requests/{status_token(asked)}/").content.decode()
    assert "The host will come on" in status_page and f"{agreed:%-d %B %Y}" in status_page


def test_a_visit_is_asked_for_without_dates(client, listings):
    data = request_data(listings["visit"], young_people="2", year_groups=["Y5"])
    del data["preferred_from"], data["preferred_to"]
    response = client.post(f"{listings['visit'].url}request/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert PlacementRequest.objects.get().preferred_from is None


def test_the_migration_gives_existing_listings_hours_from_their_longest_window():
    migration = importlib.import_module("placements.migrations.0005_existing_listings_are_work_placements")
    monday = datetime.date(2030, 3, 4)
    assert migration.hours_for([(monday, monday + datetime.timedelta(days=4))]) == 25
    assert migration.hours_for([(monday, monday), (monday, monday + datetime.timedelta(days=1))]) == 10
    assert migration.hours_for([(monday, monday + datetime.timedelta(days=90))]) == 50
    assert migration.hours_for([]) == 25
