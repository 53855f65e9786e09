"""A parent reads post-16 options and adds an open day to her calendar; a SENCO finds a service
and how to refer in two clicks and gets the booklet for her phase."""

import re

from icalendar import Calendar
from playwright.sync_api import Page, expect


def test_parent_reads_post_16_options_and_downloads_an_open_day(page: Page, base_url: str):
    page.goto(base_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile("16")).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name=re.compile("What are the options at 16", re.I)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("16")
    page.goto(base_url + "/events/?type=open-day")
    page.locator("main h3 a").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Add this event to your calendar")).click()
    calendar = Calendar.from_ical(download_info.value.path().read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1 and events[0].get("UID") and events[0].get("DTSTART").dt.tzinfo is not None


def test_senco_finds_a_service_and_how_to_refer_in_two_clicks(page: Page, base_url: str):
    page.goto(base_url + "/support-for-schools/")
    page.get_by_role("link", name=re.compile("^Primary", re.I)).first.click()
    page.locator(".portal-result a").first.click()
    expect(page.get_by_role("heading", name=re.compile("refer", re.I)).first).to_be_visible()


def test_the_booklet_for_one_phase_is_a_pdf(page: Page, base_url: str):
    response = page.request.get(base_url + "/support-for-schools/booklet.pdf?phase=primary")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
