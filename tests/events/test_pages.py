"""The events listing (upcoming and past, filters by type, audience and month, bad values) and the
event page (local times, schema.org Event data)."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError

from events.models import EventKind
from tests.listings import result_titles

from .factories import event, event_index, london

pytestmark = pytest.mark.django_db

NOW = datetime.datetime.now(datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def index(home):
    return event_index(home)


def titles(response) -> list[str]:
    return result_titles(response)


def test_upcoming_events_soonest_first_and_past_events_latest_first(client, index):
    event(index, title="Next week", start=NOW + 7 * DAY)
    event(index, title="Tomorrow", start=NOW + DAY)
    event(index, title="Happening now", start=NOW - DAY, end=NOW + DAY)
    event(index, title="Last week", start=NOW - 7 * DAY)
    event(index, title="Yesterday", start=NOW - DAY - datetime.timedelta(hours=3))
    event(index, title="Draft", start=NOW + DAY, live=False)

    assert titles(client.get("/events/")) == ["Happening now", "Tomorrow", "Next week"]
    assert titles(client.get("/events/", {"when": "past"})) == ["Yesterday", "Last week"]


def test_filter_by_type_and_audience(client, index):
    event(
        index, title="Open day for parents", kind=EventKind.OPEN_DAY, audiences=["parents"], start=NOW + DAY
    )
    event(
        index,
        title="Open day for pupils",
        kind=EventKind.OPEN_DAY,
        audiences=["young-people"],
        start=NOW + 2 * DAY,
    )
    event(index, title="CPD", kind=EventKind.CPD, audiences=["teachers"], start=NOW + 3 * DAY)

    assert titles(client.get("/events/", {"type": "open-day"})) == [
        "Open day for parents",
        "Open day for pupils",
    ]
    assert titles(client.get("/events/", {"type": ["open-day", "cpd"], "audience": "teachers"})) == ["CPD"]
    response = client.get("/events/", {"audience": "parents"})
    assert titles(response) == ["Open day for parents"]
    counts = {option.value: option.count for option in response.context["facets"]["type"]}
    assert counts == {**{kind: 0 for kind in EventKind.values}, "open-day": 1}


def test_filter_by_month_includes_events_that_run_into_it(client, index):
    event(index, title="January", start=london(2099, 1, 14, 17, 0))
    event(
        index,
        title="Spans January and February",
        start=london(2099, 1, 30, 10, 0),
        end=london(2099, 2, 2, 15, 0),
    )
    event(index, title="February", start=london(2099, 2, 10, 10, 0))
    # Midnight local time on 1 March in GMT is still February's last instant, not March's first.
    event(index, title="Ends at midnight", start=london(2099, 2, 28, 22, 0), end=london(2099, 3, 1, 0, 0))

    response = client.get("/events/", {"month": "2099-02"})
    assert titles(response) == ["Spans January and February", "February", "Ends at midnight"]
    assert [str(month) for month in response.context["months"]] == ["2099-01", "2099-02"]


def test_the_month_filter_follows_local_time_in_summer(client, index):
    # 00:30 on 1 July BST is 23:30 on 30 June in UTC: it is a July event.
    event(index, title="Just after midnight", start=london(2099, 7, 1, 0, 30), end=london(2099, 7, 1, 1, 30))
    assert titles(client.get("/events/", {"month": "2099-07"})) == ["Just after midnight"]
    assert titles(client.get("/events/", {"month": "2099-06"})) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"month": "2099-13"}, "is not a month we know"),
        ({"month": "banana"}, "is not a month we know"),
        ({"month": "99999-01"}, "is not a month we know"),
        ({"type": "rave"}, "is not a type of event we know"),
        ({"audience": "pets"}, "is not an audience we know"),
        ({"when": "sometime"}, "is not a list we know"),
    ],
)
def test_bad_parameters_are_ignored_with_a_message_not_an_error(client, index, params, message):
    event(index, title="Fair", start=NOW + DAY)
    response = client.get("/events/", params)
    assert titles(response) == ["Fair"]
    assert message in response.content.decode()


def test_a_silly_page_number_is_page_one(client, index):
    event(index, title="Fair", start=NOW + DAY)
    assert titles(client.get("/events/", {"page": "-3"})) == ["Fair"]


def _json_ld(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(block)


def test_the_page_carries_schema_org_event_data(client, index):
    page = event(
        index,
        title="Summer open day",
        kind=EventKind.OPEN_DAY,
        start=london(2099, 7, 10, 10, 0),
        end=london(2099, 7, 10, 12, 0),
        venue="Riverside Sixth Form College",
        address="Riverside\nStockton-on-Tees",
        online_url="https://meet.example.org/open-day",
        audiences=["parents", "young-people"],
        booking_url="https://booking.example.org/open-day",
        places=40,
    )
    html = client.get(page.url).content.decode()
    data = _json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "Summer open day"
    assert data["startDate"] == "2099-07-10T10:00:00+01:00"
    assert data["endDate"] == "2099-07-10T12:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert {location["@type"] for location in data["location"]} == {"Place", "VirtualLocation"}
    assert data["offers"]["url"] == "https://booking.example.org/open-day"
    assert data["maximumAttendeeCapacity"] == 40
    assert "Friday 10 July 2099, 10am to midday" in html


def test_event_data_cannot_break_out_of_its_script_element(client, index):
    page = event(index, title="Fair </script><script>alert(1)</script>", start=london(2099, 1, 14, 10, 0))
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)["name"] == "Fair </script><script>alert(1)</script>"
    assert _json_ld(html)["startDate"] == "2099-01-14T10:00:00+00:00"  # GMT in winter


def test_times_read_as_local_time_either_side_of_the_clocks_changing(client, index):
    before = event(index, start=london(2099, 3, 28, 10, 0), end=london(2099, 3, 28, 12, 30))  # Saturday, GMT
    after = event(index, start=london(2099, 3, 29, 10, 0), end=london(2099, 3, 29, 12, 30))  # Sunday, BST
    assert before.when == "Saturday 28 March 2099, 10am to 12:30pm"
    assert after.when == "Sunday 29 March 2099, 10am to 12:30pm"
    assert after.start - before.start == datetime.timedelta(hours=23)  # the lost hour
    assert "Sunday 29 March 2099, 10am to 12:30pm" in client.get(after.url).content.decode()


def test_a_week_long_event_reads_as_a_span(index):
    week = event(
        index, start=london(2099, 7, 27, 10, 0), end=london(2099, 7, 31, 15, 0), kind=EventKind.SUMMER_SCHOOL
    )
    assert week.when == "Monday 27 July 2099, 10am to Friday 31 July 2099, 3pm"


def test_a_past_or_cancelled_event_says_so(client, index):
    past = event(index, start=NOW - 3 * DAY)
    cancelled = event(index, start=NOW + 3 * DAY, is_cancelled=True)
    assert "This event has finished." in client.get(past.url).content.decode()
    html = client.get(cancelled.url).content.decode()
    assert "This event has been cancelled." in html
    assert "event.ics" not in html
    assert _json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": london(2099, 1, 1, 9, 0)}, "end"),
        ({"venue": "", "online_url": ""}, "venue"),
        ({"organiser": "", "organiser_team": None}, "organiser"),
    ],
)
def test_an_event_needs_a_sensible_time_a_place_and_an_organiser(index, changes, field):
    page = event(index, start=london(2099, 1, 1, 10, 0))
    for name, value in changes.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert field in refused.value.message_dict


def test_search_document(index):
    page = event(
        index,
        title="Riverside open evening",
        kind=EventKind.OPEN_DAY,
        start=london(2099, 1, 14, 23, 30),
        audiences=["parents", "young-people"],
    )
    document = page.search_document()
    assert document["title"] == "Riverside open evening"
    assert document["url"] == page.url
    assert document["kind"] == "open-day"
    assert document["kind_label"] == "Open day"
    assert document["date"] == datetime.date(2099, 1, 14)
    assert sorted(document["audiences"]) == ["parents", "young-people"]
    assert document["benchmarks"] == [7]
    assert "Riverside Sixth Form College" in document["body"]
    assert page.search_type == ("event", "Event")


def test_the_search_date_is_the_local_date_in_summer(index):
    # 00:30 BST on 1 July is still 30 June in UTC; the event is on 1 July.
    page = event(index, start=london(2099, 7, 1, 0, 30))
    assert page.search_document()["date"] == datetime.date(2099, 7, 1)


def test_previews_show_what_the_public_will_see(index):
    draft = event(index, title="Draft fair", start=london(2099, 5, 5, 10, 0), live=False)
    preview = draft.make_preview_request()
    assert preview.status_code == 200
    assert _json_ld(preview.content.decode())["name"] == "Draft fair"
    assert "upcoming events" in index.make_preview_request().content.decode()
