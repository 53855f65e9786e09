"""The admin's date picker, with JavaScript on, no longer turns a date it cannot read into today's
date: what was typed stays in the field and the server refuses it with the format to use
(portal/core/dates.py). Both tests only try to save a draft, so the demo content stays as it was
for the other journeys even if they fail."""

import re
import urllib.parse

from playwright.sync_api import Locator, Page, expect

from demo.dates import Calendar
from tests.e2e.conftest import sign_in

PLACEMENT = "Highways engineering week: design a safer crossing"  # demo/data/placements.toml
# demo/data/events.toml: this academic year's January Careers Network meeting.
EVENT_SLUG = f"careers-network-{Calendar.now().date('ay:01-20'):%Y-%m}"


def open_editor(page: Page, base_url: str, title: str) -> None:
    page.goto(base_url + "/admin/pages/search/?" + urllib.parse.urlencode({"q": title}))
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def type_and_leave(field: Locator, typed: str) -> None:
    """Type into the field and move on with Tab: leaving the field is when the picker used to
    replace an unreadable value with today's date."""
    field.fill(typed)
    field.press("Tab")
    expect(field).to_have_value(typed)


def save_draft(page: Page) -> None:
    page.get_by_role("button", name="Save draft").press("Enter")
    expect(page.get_by_text("The page could not be saved due to validation errors")).to_be_visible()


def test_a_window_date_typed_as_31_13_2026_is_refused_not_saved_as_today(page: Page, base_url: str):
    sign_in(page, base_url, "admin")
    open_editor(page, base_url, PLACEMENT)
    window = page.get_by_role("region", name="Availability window 1")
    start = window.get_by_role("textbox", name="Start date*")
    type_and_leave(start, "31/13/2026")
    save_draft(page)
    expect(window.get_by_text("Enter a real date as dd/mm/yyyy, for example 27/03/2027.")).to_be_visible()
    expect(
        page.get_by_role("region", name="Availability window 1").get_by_role("textbox", name="Start date*")
    ).to_have_value("31/13/2026")


def test_an_event_start_typed_wrongly_is_refused(page: Page, base_url: str):
    sign_in(page, base_url, "admin")
    page.goto(base_url + f"/events/{EVENT_SLUG}/")
    title = page.get_by_role("heading", level=1).inner_text()
    open_editor(page, base_url, title)
    start = page.get_by_role("textbox", name="Start*")
    type_and_leave(start, "31/13/2026 15:30")
    save_draft(page)
    expect(
        page.get_by_text("Enter a real date and time as dd/mm/yyyy hh:mm, for example 27/03/2027 14:30.")
    ).to_be_visible()
