"""Taking the last places changes what search says about a placement, without any publish."""

import datetime

import pytest

from placements.booking import decide
from placements.models import RequestEvent
from tests.placements import factories

pytestmark = pytest.mark.django_db


def places_facet(client) -> dict[str, int]:
    data = client.get("/api/search/?type=placement").json()
    return {option["value"]: option["count"] for option in data["facets"]["places"]}


def test_accepting_the_last_places_takes_a_placement_out_of_has_places_left(
    client, home, django_capture_on_commit_callbacks
):
    host = factories.host_team(home)
    start = datetime.date.today() + datetime.timedelta(days=60)
    listing = factories.placement(host, title="Library insight day", windows=[(start, start, 2)])
    assert client.get("/api/search/?type=placement&places=available").json()["total"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        request = factories.placement_request(factories.capacity(listing), young_people=2)
        decide(request.pk, "accept", actor=RequestEvent.Actor.HOST_TEAM)
    assert client.get("/api/search/?type=placement&places=available").json()["total"] == 0
    assert client.get("/api/search/?type=placement").json()["total"] == 1
