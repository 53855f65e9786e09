"""Work placements in a real browser: a council host team member publishes a placement through the
Wagtail editor and schools can then find it; a school coordinator finds a KS5 placement with
step-free access, asks for two places and follows the request; axe checks the directory pages."""

import datetime
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in

HOST_TEAM_MEMBER = "highways-host"  # demo/data/placements.toml: the Highways and Transport team's member
HOST_TEAM = "Highways and Transport"
OWN_PLACEMENT = "Highways engineering week: design a safer crossing"
OTHER_TEAMS_PLACEMENT = "Library assistant at Stockton Central Library"  # Libraries and Information
NEW_PLACEMENT = "Bridge inspection taster day"
# A window's places left, as the request form shows it: "(2 places left)", two or more.
TWO_OR_MORE_LEFT = r"\((?:[2-9]|[1-9]\d+) places left\)"


def edit_path_as_admin(browser: Browser, base_url: str, title: str) -> str:
    """The admin edit path of a placement, found by the superuser in a separate session (page ids
    are not public)."""
    context = browser.new_context()
    try:
        admin = context.new_page()
        sign_in(admin, base_url, "admin")
        admin.goto(base_url + "/admin/placement_listings/")
        href = admin.get_by_role("link", name=title, exact=True).get_attribute("href")
    finally:
        context.close()
    assert href and re.fullmatch(r"/admin/pages/\d+/edit/", href), href
    return href


def add_window(page: Page, number: int, start: datetime.date, places: int) -> None:
    """Fill availability window `number` of the inline panel (a one-day window). Dates are typed
    as the admin shows them (WAGTAIL_DATE_FORMAT, dd/mm/yyyy)."""
    window = page.get_by_role("region", name=f"Availability window {number}")
    window.get_by_role("textbox", name="Start date*").fill(f"{start:%d/%m/%Y}")
    window.get_by_role("textbox", name="End date*").fill(f"{start:%d/%m/%Y}")
    window.get_by_role("textbox", name="Days and hours*").fill("Tuesday, 10am to 2pm")
    window.get_by_role("spinbutton", name="Places*").fill(str(places))


def fill_new_placement(page: Page, first: datetime.date, second: datetime.date) -> None:
    """Every required field of a PlacementPage, through the editor as a team member would, with
    two availability windows (the second added with the inline panel's button).

    The windows come last and the buttons after them are pressed from the keyboard: the admin's
    date picker opens a moment after a date field gets focus, stays open, and closes on the next
    mouse press anywhere, which can move the page under the pointer and lose that click."""

    def textbox(name: str):
        return page.get_by_role("textbox", name=name, exact=True)

    textbox("Title*").fill(NEW_PLACEMENT)
    textbox("Summary*").fill("Spend a day with the bridges team inspecting a footbridge over the Tees.")
    body = page.get_by_role("region", name="Body*")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    body.get_by_role("textbox").fill("You join a bridge inspector on a footbridge and record what you find.")
    textbox("Learning outcomes*").fill("Explain how bridges are kept safe\nRecord an inspection")
    page.get_by_role("checkbox", name="Work shadowing").check()
    page.get_by_role("checkbox", name=re.compile(r"^KS5")).check()
    page.get_by_role("checkbox", name="College").check()
    textbox("Location name*").fill("Highways depot")
    textbox("Address*").fill("Cowpen Lane\nBillingham")
    textbox("Postcode*").fill("TS23 4DD")
    page.get_by_role("checkbox", name="Step-free access").check()
    add_window(page, 1, first, 2)
    page.get_by_role("button", name="Add Availability window").press("Enter")
    add_window(page, 2, second, 3)


def publish(page: Page) -> None:
    """The editor's "Publish" action, from the keyboard (see fill_new_placement)."""
    page.get_by_role("button", name="More actions").press("Enter")
    page.get_by_role("button", name="Publish", exact=True).press("Enter")


def test_host_team_member_publishes_a_placement_that_schools_then_find(
    page: Page, base_url: str, browser: Browser
):
    other_teams_edit_path = edit_path_as_admin(browser, base_url, OTHER_TEAMS_PLACEMENT)
    sign_in(page, base_url, HOST_TEAM_MEMBER)
    page.get_by_role("button", name="Work placements").click()
    page.get_by_role("link", name="Placements", exact=True).click()
    expect(page.get_by_role("link", name=OWN_PLACEMENT, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=OTHER_TEAMS_PLACEMENT)).to_have_count(0)

    page.get_by_role("link", name="Add work placement").click()
    first = datetime.date.today() + datetime.timedelta(days=45)
    second = first + datetime.timedelta(days=28)
    fill_new_placement(page, first, second)
    publish(page)
    expect(page.get_by_text(f"Page '{NEW_PLACEMENT}' created and published")).to_be_visible()

    page.goto(base_url + "/placements/")
    page.get_by_role("group", name="Host team").get_by_label(re.compile(f"^{HOST_TEAM} ")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name=NEW_PLACEMENT, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_PLACEMENT)
    dates = page.get_by_role("table")
    expect(dates.get_by_role("row", name=re.compile(f"^{first:%-d %B %Y} .* 2 of 2"))).to_be_visible()
    expect(dates.get_by_role("row", name=re.compile(f"^{second:%-d %B %Y} .* 3 of 3"))).to_be_visible()

    response = page.goto(base_url + other_teams_edit_path)
    assert response is not None
    refused = response.status in (403, 404) or not page.url.endswith(other_teams_edit_path)
    assert refused, f"{HOST_TEAM_MEMBER} opened {other_teams_edit_path} ({response.status})"
    expect(page.get_by_role("textbox", name="Title*")).to_have_count(0)


def first_month_with_places(page: Page) -> tuple[str, str]:
    """Tick the first month in "Dates available" that has matching placements; returns its label
    ("December 2026") and the short form the listing uses ("Dec 2026")."""
    months = page.get_by_role("group", name="Dates available").get_by_role("checkbox")
    for index in range(months.count()):
        month = months.nth(index)
        label = month.evaluate("el => el.labels[0].textContent").strip()
        name, count = re.fullmatch(r"(\w+ \d{4}) \((\d+)\)", label).groups()
        if int(count):
            month.check()
            when = datetime.datetime.strptime(name, "%B %Y")
            return name, f"{when:%b %Y}"
    pytest.fail("No month has a KS5 placement with step-free access and places left")


def test_school_coordinator_asks_for_two_places_and_follows_the_request(
    page: Page, base_url: str, axe_violations
):
    page.goto(base_url + "/placements/")
    page.get_by_label(re.compile(r"^KS5 \(Years 12 and 13\)")).check()
    page.get_by_label(re.compile(r"^Step-free access \(")).check()
    page.get_by_label("Only dates with places left").check()
    page.get_by_role("button", name="Apply filters").click()
    month, short_month = first_month_with_places(page)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"key_stage=KS5.*adjustment=step-free"))
    expect(page.get_by_role("link", name=f"Remove filter: {month}")).to_be_visible()
    with_two_places = page.locator(".portal-result").filter(
        has=page.get_by_role("listitem").filter(
            has_text=re.compile(rf"{short_month}.*\b([2-9]|[1-9]\d+) places left")
        )
    )
    with_two_places.first.get_by_role("heading").get_by_role("link").click()
    expect(page.get_by_role("definition").filter(has_text="KS5 (Years 12 and 13)")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Step-free access")).to_be_visible()
    placement = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Ask for places").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ask for places: {placement}")

    page.get_by_role("button", name="Send request").click()
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus so screen readers announce it
    links = summary.get_by_role("link")
    assert links.count() >= 7, links.all_inner_texts()  # window, setting, school, name, email, phone...
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href").removeprefix("#")
        link.click()
        expect(page.locator(f"[id='{target}']")).to_be_focused()
    assert axe_violations(page) == []

    page.get_by_label(re.compile(rf"{month}.*{TWO_OR_MORE_LEFT}")).first.check()
    page.get_by_role("group", name="What kind of setting are the young people from?").get_by_role(
        "radio"
    ).first.check()
    page.get_by_label("Your school or college").select_option(index=1)
    page.get_by_label("Your name").fill("Careers Leader")
    page.get_by_label("Your email address").fill("careers.leader@kingfisher.example.org")
    page.get_by_label("Your telephone number").fill("01642 000000")
    page.get_by_label("How many young people need a place?").fill("2")
    page.get_by_label("Year 12").check()
    page.get_by_label("Adjustments the young people need").fill(
        "Step-free access and a quiet space at lunchtime"
    )
    page.get_by_role("button", name="Send request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Request sent")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert re.fullmatch(r"PL-\d{6}", reference), reference
    expect(page.get_by_text(f"request for 2 places on “{placement}”")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Follow your request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(placement)
    expect(page.get_by_text(f"Request {reference}")).to_be_visible()
    rows = page.locator(".govuk-summary-list__row")
    expect(rows.filter(has_text="Status")).to_contain_text("Waiting for a decision")
    expect(rows.filter(has_text="Places asked for")).to_contain_text("2 (Year 12)")
    expect(page.get_by_role("listitem").filter(has_text="Request sent by the requester")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel this request")).to_be_visible()
    assert axe_violations(page) == []


def _next_month() -> str:
    today = datetime.date.today()
    return f"{today.year + today.month // 12}-{today.month % 12 + 1:02d}"


@pytest.mark.parametrize(
    "path",
    [
        "/placements/?key_stage=KS5&adjustment=step-free&places_left=yes&sort=title",
        f"/placements/?month={_next_month()}&key_stage=KS4&team=libraries",
        "/placements/?month=not-a-month",
        "/placements/highways-transport/",
        "/placements/highways-transport/highways-engineering-week/",
        "/placements/libraries/digital-skills-helper/",  # expired: the warning and no request button
        "/placements/libraries/digital-skills-helper/request/",  # why places cannot be asked for
        "/placements/hosting-a-high-impact-placement/",
    ],
)
def test_no_accessibility_violations_on_placement_pages(page: Page, base_url: str, axe_violations, path: str):
    response = page.goto(base_url + path)
    assert response is not None and response.status == 200
    assert axe_violations(page) == []
