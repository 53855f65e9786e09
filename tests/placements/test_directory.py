"""The directory at /placements/: every filter, places left per window, expiry, bad parameters
answered with a message (never a 500) and a fixed number of queries."""

import datetime
from collections.abc import Iterator

import pytest
from django.http import QueryDict

from placements.booking import decide
from placements.filters import MONTHS_INDEXED, WindowFilter, month_end
from placements.models import PlacementIndexPage, PlacementPage, RequestEvent
from portal.home.models import HomePage
from tests.listings import result_titles
from tests.shared_data import built_once

from .factories import capacity, host_team, placement, placement_index, placement_request

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def d(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


def titles(client, query: str = "") -> list[str]:
    response = client.get(f"/placements/{query}")
    return result_titles(response)


@pytest.fixture(scope="module")
def built_catalogue(django_db_setup, django_db_blocker) -> Iterator[int]:
    """Two teams in two service areas, with placements differing in every filtered way: built once
    for the module (tests/shared_data.py); each test's own changes are rolled back."""
    with built_once(django_db_blocker):
        yield _build_catalogue(HomePage.objects.get()).pk


@pytest.fixture
def catalogue(built_catalogue, db) -> PlacementIndexPage:
    """The directory page, read afresh: tests add pages under it (docs/test-suite.md)."""
    return PlacementIndexPage.objects.get(pk=built_catalogue)


def _build_catalogue(home: HomePage) -> PlacementIndexPage:
    highways = host_team(home, "highways", directorate="Community Services")
    digital = host_team(home, "digital", directorate="Corporate Services")
    placement(
        highways,
        title="Engineering week",
        key_stages=("KS5",),
        activities=("project-task",),
        adjustments=("step-free",),
        settings=("mainstream", "college"),
        windows=((d(100), d(104), 2),),
    )
    placement(
        highways,
        title="Road safety",
        key_stages=("KS4",),
        activities=("insight-day",),
        settings=("special",),
        windows=((d(40), d(40), 4),),
    )
    placement(
        digital,
        title="Service desk",
        key_stages=("KS5",),
        activities=("work-shadowing",),
        adjustments=("quiet-space",),
        settings=("college",),
        windows=((d(100), d(104), 1), (d(200), d(204), 2)),
    )
    return placement_index(home)


def test_the_directory_lists_live_placements_soonest_first(client, catalogue):
    assert titles(client) == ["Road safety", "Engineering week", "Service desk"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?key_stage=KS5", ["Engineering week", "Service desk"]),
        ("?key_stage=KS4&key_stage=KS5&sort=title", ["Engineering week", "Road safety", "Service desk"]),
        ("?activity=insight-day", ["Road safety"]),
        ("?area=Corporate+Services", ["Service desk"]),
        ("?team=highways&sort=title", ["Engineering week", "Road safety"]),
        ("?setting=special", ["Road safety"]),
        ("?adjustment=step-free", ["Engineering week"]),
        ("?q=desk", ["Service desk"]),
        ("?key_stage=KS5&adjustment=step-free", ["Engineering week"]),
    ],
)
def test_each_filter(client, catalogue, query, expected):
    assert titles(client, query) == expected


def test_month_filter_matches_windows_in_that_month(client, catalogue):
    month = d(200).strftime("%Y-%m")
    assert titles(client, f"?month={month}") == ["Service desk"]


def test_from_and_to_dates_match_overlapping_windows(client, catalogue):
    assert titles(client, f"?from={d(90)}&to={d(110)}&sort=title") == ["Engineering week", "Service desk"]
    assert titles(client, f"?from={d(150)}") == ["Service desk"]


def test_places_left_applies_to_the_same_window_as_the_dates(client, catalogue, home):
    desk = PlacementPage.objects.get(title="Service desk")
    decide(
        placement_request(capacity(desk, 0)).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM
    )  # full in d(100)
    in_range = f"?from={d(90)}&to={d(110)}&places_left=yes"
    assert titles(client, in_range) == ["Engineering week"]
    assert titles(client, "?places_left=yes&sort=title") == [
        "Engineering week",
        "Road safety",
        "Service desk",
    ]


def test_places_left_are_shown_for_each_window(client, catalogue):
    desk = PlacementPage.objects.get(title="Service desk")
    decide(placement_request(capacity(desk, 1)).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    html = client.get("/placements/?team=digital").content.decode()
    assert "1 place left" in html  # the first window, untouched
    assert html.count("place left") == 2  # 1 of 1, and 1 of 2 in the second window


def test_a_full_window_says_full(client, catalogue):
    road = PlacementPage.objects.get(title="Road safety")
    decide(placement_request(capacity(road), young_people=4).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    assert ">full</strong>" in client.get("/placements/?activity=insight-day").content.decode()


def test_expired_and_draft_placements_leave_the_directory(client, catalogue, settings, home):
    placement(host_team(home, "highways"), title="Draft", live=False)
    PlacementPage.objects.filter(title="Road safety").update(
        last_confirmed=TODAY - datetime.timedelta(days=settings.PLACEMENT_EXPIRE_AFTER_DAYS + 1)
    )
    assert titles(client, "?sort=title") == ["Engineering week", "Service desk"]


def test_ended_windows_are_not_offered(client, catalogue):
    road = PlacementPage.objects.get(title="Road safety")
    capacity(road).__class__.objects.filter(page=road).update(
        end_date=TODAY - datetime.timedelta(days=1), start_date=TODAY - datetime.timedelta(days=1)
    )
    assert titles(client, "?places_left=yes&sort=title") == ["Engineering week", "Service desk"]


@pytest.mark.parametrize(
    "query",
    [
        "?key_stage=KS9",
        "?month=2027-13&month=nonsense",
        "?from=31/02/2027&to=yesterday",
        "?team=" + "x" * 300,
        f"?from={d(30)}&to={d(10)}",
    ],
)
def test_bad_parameters_are_ignored_with_a_message(client, catalogue, query):
    response = client.get(f"/placements/{query}")
    assert response.status_code == 200
    assert len(result_titles(response)) == 3
    assert response.context["messages_list"]
    assert response.context["messages_list"][0].encode()[:20] in response.content


def test_a_bad_page_or_sort_falls_back_to_the_defaults(client, catalogue):
    response = client.get("/placements/?page=-3&sort=%00&page=abc")
    assert response.status_code == 200
    assert (response.context["page_obj"].number, response.context["sort"]) == (1, "soonest")


def test_month_options_count_placements_with_a_window_in_each_month(client, catalogue):
    options = {o.value: o.count for o in client.get("/placements/").context["month_options"]}
    assert options[d(100).strftime("%Y-%m")] >= 2
    assert options[d(200).strftime("%Y-%m")] == (1 if month_end(d(200).replace(day=1)) >= d(200) else 0)


def _answer(response) -> tuple:
    context = response.context
    facets = {
        param: [(o.value, o.count, o.selected) for o in options]
        for param, options in context["facets"].items()
    }
    months = [(o.value, o.count, o.selected) for o in context["month_options"]]
    return result_titles(response), context["page_obj"].paginator.count, facets, months


@pytest.mark.parametrize(
    "query",
    [
        "",
        "places_left=yes",
        "month={d100}",
        "month={d100}&places_left=yes",
        "month={d100}&month={d200}&sort=title",
        "month={d200}&places_left=yes&key_stage=KS5",
        "month={d40}&month={d100}&places_left=yes&team=highways",
        "q=desk&places_left=yes",
        "activity=work-shadowing&month={d40}",
    ],
)
def test_the_index_answers_months_and_places_left_as_the_database_does(client, catalogue, query):
    """Months and places left come from the facet index unless from/to dates are given; `from`
    set to today changes no answer (every open window ends today or later) but sends the whole
    question to the database, so the two must agree on results, facet counts and month counts."""
    desk = PlacementPage.objects.get(title="Service desk")
    decide(placement_request(capacity(desk, 0)).pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    query = query.format(**{f"d{n}": d(n).strftime("%Y-%m") for n in (40, 100, 200)})
    params = QueryDict(query)
    assert WindowFilter.from_params(params).indexed
    assert not WindowFilter.from_params(QueryDict(f"{query}&from={TODAY}")).indexed

    from_index = _answer(client.get(f"/placements/?{query}"))
    from_database = _answer(client.get(f"/placements/?{query}&from={TODAY}"))
    assert from_index == from_database
    assert from_index[1] > 0 or "month" in query


def test_a_month_beyond_the_index_is_answered_by_the_database(client, catalogue):
    far = d(31 * (MONTHS_INDEXED + 2))
    placement(host_team(catalogue, "digital"), title="Far ahead", windows=((far, far, 1),))
    month = far.strftime("%Y-%m")
    assert not WindowFilter.from_params(QueryDict(f"month={month}")).indexed
    assert titles(client, f"?month={month}") == ["Far ahead"]


def test_the_directory_links_to_the_guide_for_hosts(client, catalogue):
    from portal.home.models import StandardPage

    guide = StandardPage(
        title="Hosting a high-impact placement", slug="hosting-a-high-impact-placement", body=[]
    )
    catalogue.add_child(instance=guide)
    guide.save_revision().publish()
    assert b"Hosting a high-impact placement" in client.get("/placements/").content
