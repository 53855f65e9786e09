"""The calendar feed and the per-event .ics, parsed with a real iCalendar parser (`icalendar`)."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventKind

from .factories import event, event_index, london, team

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# The feed lists events to come: every event here is in the next calendar year, whatever today is.
YEAR = datetime.date.today().year + 1
# British Summer Time starts on the last Sunday of March.
FIRST_BST_DAY = max(day for day in range(25, 32) if datetime.date(YEAR, 3, day).weekday() == 6)


@pytest.fixture
def index(home):
    return event_index(home)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}


def test_bst_and_gmt_events_keep_their_local_time(client, index):
    event(index, title="Summer open day", start=london(YEAR, 7, 15, 10, 0), end=london(YEAR, 7, 15, 15, 30))
    event(
        index, title="Winter open evening", start=london(YEAR, 1, 14, 10, 0), end=london(YEAR, 1, 14, 12, 0)
    )

    calendar = parse(client.get("/events/calendar.ics"))
    items = vevents(calendar)

    summer, winter = items["Summer open day"], items["Winter open evening"]
    for item in (summer, winter):
        assert item["DTSTART"].params["TZID"] == "Europe/London"
        assert item["DTEND"].params["TZID"] == "Europe/London"
        assert item.decoded("DTSTART").hour == 10  # 10am on the wall clock, summer and winter
    assert summer.decoded("DTSTART").astimezone(UTC).hour == 9  # BST is UTC+1
    assert winter.decoded("DTSTART").astimezone(UTC).hour == 10  # GMT is UTC
    assert summer.decoded("DTEND").hour == 15 and summer.decoded("DTEND").minute == 30
    raw = client.get("/events/calendar.ics").content.decode()
    assert f"DTSTART;TZID=Europe/London:{YEAR}0715T100000" in raw
    assert f"DTSTART;TZID=Europe/London:{YEAR}0114T100000" in raw


def test_the_feed_defines_the_london_time_zone_it_uses(client, index):
    event(index, start=london(YEAR, 3, FIRST_BST_DAY, 10, 0))
    calendar = parse(client.get("/events/calendar.ics"))
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/London"]
    assert {component.name for component in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    (item,) = calendar.walk("VEVENT")
    # The parser turns TZID + VTIMEZONE back into the right instant: 09:00 UTC on the first BST day.
    assert item.decoded("DTSTART").astimezone(UTC) == datetime.datetime(
        YEAR, 3, FIRST_BST_DAY, 9, 0, tzinfo=UTC
    )


def test_the_calendar_and_every_event_have_what_rfc_5545_requires(client, index):
    event(index, title="A", start=london(YEAR, 2, 1, 9, 0))
    event(index, title="B", start=london(YEAR, 2, 2, 9, 0))
    calendar = parse(client.get("/events/calendar.ics"))
    assert str(calendar["VERSION"]) == "2.0"
    raw = client.get("/events/calendar.ics").content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw and "X-PUBLISHED-TTL:PT12H\r\n" in raw
    assert "Stockton-on-Tees" in str(calendar["PRODID"])
    items = calendar.walk("VEVENT")
    assert len(items) == 2
    for item in items:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in item
        assert item.decoded("DTSTAMP").tzinfo is not None  # DTSTAMP must be UTC
    assert len({str(item["UID"]) for item in items}) == 2


def test_uids_stay_the_same_when_an_event_is_edited(client, index):
    page = event(index, title="Careers fair", start=london(YEAR, 2, 1, 9, 0))
    (before,) = parse(client.get("/events/calendar.ics")).walk("VEVENT")
    page.title = "Careers fair (moved to the sports hall)"
    page.venue = "Sports hall"
    page.save_revision().publish()
    (after,) = parse(client.get("/events/calendar.ics")).walk("VEVENT")
    assert str(after["SUMMARY"]) == "Careers fair (moved to the sports hall)"
    assert str(after["UID"]) == str(before["UID"]) == str(page.translation_key)


def test_the_feed_takes_the_listing_filters(client, index):
    event(
        index,
        title="Open day",
        kind=EventKind.OPEN_DAY,
        start=london(YEAR, 3, 13, 10, 0),
        audiences=["parents"],
    )
    event(
        index,
        title="Fair",
        kind=EventKind.CAREERS_FAIR,
        start=london(YEAR, 3, 4, 16, 0),
        audiences=["young-people"],
    )
    event(
        index,
        title="April open day",
        kind=EventKind.OPEN_DAY,
        start=london(YEAR, 4, 10, 10, 0),
        audiences=["young-people"],
    )

    assert set(vevents(parse(client.get("/events/calendar.ics", {"type": "open-day"})))) == {
        "Open day",
        "April open day",
    }
    assert set(vevents(parse(client.get("/events/calendar.ics", {"audience": "parents"})))) == {"Open day"}
    assert set(
        vevents(parse(client.get("/events/calendar.ics", {"type": "open-day", "month": f"{YEAR}-04"})))
    ) == {"April open day"}
    named = parse(client.get("/events/calendar.ics", {"type": "open-day"}))
    assert str(named["X-WR-CALNAME"]) == "Stockton careers events: Open day"


@pytest.mark.parametrize(
    "params", [{"type": "rave"}, {"month": f"{YEAR}-13"}, {"audience": "<b>"}, {"when": "never"}]
)
def test_bad_feed_parameters_are_ignored(client, index, params):
    event(index, title="Fair", start=london(YEAR, 3, 4, 16, 0))
    assert set(vevents(parse(client.get("/events/calendar.ics", params)))) == {"Fair"}


def test_drafts_and_old_events_stay_out_of_the_feed(client, index):
    now = datetime.datetime.now(UTC)
    event(index, title="Draft", start=now + datetime.timedelta(days=3), live=False)
    event(index, title="Two years ago", start=now - datetime.timedelta(days=730))
    event(index, title="Last month", start=now - datetime.timedelta(days=30))
    assert set(vevents(parse(client.get("/events/calendar.ics")))) == {"Last month"}


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, index):
    event(index, title="Roadshow", start=london(YEAR, 2, 2, 9, 0), is_cancelled=True)
    (item,) = parse(client.get("/events/calendar.ics")).walk("VEVENT")
    assert str(item["STATUS"]) == "CANCELLED"


def test_one_event_downloads_as_its_own_ics_file(client, index):
    page = event(
        index,
        title="Apprenticeships explained",
        start=london(YEAR, 3, 10, 18, 30),
        end=london(YEAR, 3, 10, 19, 30),
        venue="",
        online_url="https://meet.example.org/apprenticeships",
        organiser_team=team(),
        booking_url="https://booking.example.org/apprenticeships",
    )
    event(index, title="Another event", start=london(YEAR, 3, 11, 9, 0))
    response = client.get(f"{page.url}event.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    (item,) = parse(response).walk("VEVENT")
    assert str(item["SUMMARY"]) == "Apprenticeships explained"
    assert str(item["LOCATION"]) == "Online"
    assert "https://meet.example.org/apprenticeships" in str(item["DESCRIPTION"])
    assert "https://booking.example.org/apprenticeships" in str(item["DESCRIPTION"])
    assert str(item["URL"]) == page.get_full_url()
    assert str(item["ORGANIZER"]) == "mailto:employment-hub@example.org"
    assert item["ORGANIZER"].params["CN"] == "Employment and Training Hub"


def test_the_page_links_to_its_ics_file_and_the_listing_to_the_feed(client, index):
    page = event(index, start=datetime.datetime.now(UTC) + datetime.timedelta(days=7))
    assert f'href="{page.url}event.ics"' in client.get(page.url).content.decode()
    listing = client.get("/events/", {"type": "open-day"}).content.decode()
    assert 'href="/events/calendar.ics?type=open-day"' in listing
    assert 'href="webcal://testserver/events/calendar.ics?type=open-day"' in listing


def test_ics_addresses_of_other_pages_are_not_found(client, index, home):
    assert client.get("/calendar.ics").status_code == 404
    assert client.get("/events/nothing-here/event.ics").status_code == 404
    assert client.get("/events/event.ics").status_code == 404


def test_the_feed_runs_the_same_number_of_queries_for_2_or_12_events(client, index):
    organiser = team()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/events/calendar.ics", {"audience": "young-people"}).status_code == 200
        return len(captured)

    for n in range(2):
        event(index, start=london(2099, 1, n + 1, 10, 0), organiser_team=organiser)
    few = queries()
    for n in range(10):
        event(index, start=london(2099, 2, n + 1, 10, 0), organiser_team=organiser)
    assert queries() == few
