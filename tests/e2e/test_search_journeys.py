"""Issue 8's journeys as a visitor makes them, from the home page and by following links only:
a teacher searches, narrows to Benchmark 6 and KS4, opens a resource and downloads its file, by
mouse and by keyboard alone (every control she reaches shows where the focus is); a parent reads
about post-16 options and adds an open day to her calendar."""

import re

from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

SEARCH = "work experience"
RESOURCE = re.compile("Meeting the work experience duty")
BENCHMARK_6 = re.compile(r"^6\. Experiences of workplaces")
KEY_STAGE_4 = re.compile(r"^KS4 \(Years 10 and 11\)")


def assert_pdf(download) -> None:
    assert download.suggested_filename.endswith(".pdf")
    assert download.path().read_bytes()[:5] == b"%PDF-"


def test_teacher_searches_narrows_to_benchmark_6_and_ks4_and_downloads_a_file(page: Page, base_url: str):
    page.goto(base_url + "/")
    page.get_by_role("search").get_by_label("Search the portal").fill(SEARCH)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the portal")
    expect(page.get_by_role("heading", name=re.compile(rf"results? for “{SEARCH}”"))).to_be_visible()
    page.get_by_role("group", name="Gatsby Benchmark").get_by_label(BENCHMARK_6).check()
    page.get_by_role("group", name="Key stage").get_by_label(KEY_STAGE_4).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"benchmark=6.*key_stage=KS4"))
    expect(page.get_by_role("link", name="Remove filter: 6. Experiences of workplaces")).to_be_visible()
    for meta in page.locator(".portal-result .portal-meta").all_inner_texts():
        if "Benchmark" in meta:  # resources and placements say which benchmarks and key stages
            assert "Benchmark 6" in meta and "KS4" in meta, meta
    page.get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting the work experience duty")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"\(PDF\)$")).click()
    assert_pdf(download.value)


FOCUS_YELLOW = "rgb(255, 221, 0)"  # GOV.UK Frontend's focus colour
# The computed styles that carry GOV.UK's focus indicator; a checkbox shows it on its label's box.
FOCUS_STYLES = """el => {
    const styles = [getComputedStyle(el)];
    if (el.type === "checkbox" || el.type === "radio") styles.push(getComputedStyle(el.labels[0], "::before"));
    return styles.map(s => [s.outlineColor, s.outlineStyle, s.backgroundColor, s.boxShadow].join(" ")).join(" | ");
}"""


def focus_by_tab(page: Page, target: Locator, limit: int = 150) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would, and check she can see
    where the focus is: GOV.UK's yellow focus style on the control (or a checkbox's box)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError(f"{target} never got the focus in {limit} presses of Tab")
    styles = target.evaluate(FOCUS_STYLES)
    assert FOCUS_YELLOW in styles, f"no visible focus on {target}: {styles}"


def test_the_same_search_by_keyboard_alone(page: Page, base_url: str):
    page.goto(base_url + "/")
    focus_by_tab(page, page.get_by_role("search").get_by_label("Search the portal"))
    page.keyboard.type(SEARCH)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile(rf"results? for “{SEARCH}”"))).to_be_visible()

    benchmark_6 = page.get_by_role("group", name="Gatsby Benchmark").get_by_label(BENCHMARK_6)
    key_stage_4 = page.get_by_role("group", name="Key stage").get_by_label(KEY_STAGE_4)
    focus_by_tab(page, benchmark_6)
    page.keyboard.press("Space")
    focus_by_tab(page, key_stage_4)
    page.keyboard.press("Space")
    expect(benchmark_6).to_be_checked()
    expect(key_stage_4).to_be_checked()
    focus_by_tab(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"benchmark=6.*key_stage=KS4"))

    focus_by_tab(page, page.get_by_role("link", name=RESOURCE))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting the work experience duty")
    focus_by_tab(page, page.get_by_role("link", name=re.compile(r"\(PDF\)$")))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert_pdf(download.value)


def test_parent_reads_post_16_options_then_adds_an_open_day_to_her_calendar(page: Page, base_url: str):
    page.goto(base_url + "/")
    page.get_by_role("link", name="Choices at 16").first.click()
    page.get_by_role("link", name=re.compile("What are the options at 16", re.I)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("16")
    page.get_by_role("banner").get_by_role(
        "link", name=re.compile("Stockton-on-Tees Borough Council")
    ).click()
    page.get_by_role("link", name="Open days and events").click()
    page.get_by_role("group", name="Type of event").get_by_label(re.compile(r"^Open day \(")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"type=open-day"))
    page.locator(".portal-result h3 a").first.click()
    title = page.get_by_role("heading", level=1).inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Add this event to your calendar")).click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event.get("SUMMARY")) == title
    assert event.get("DTSTART").dt.tzinfo is not None and event.get("UID")
