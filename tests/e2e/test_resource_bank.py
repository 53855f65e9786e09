"""A teacher finds a Benchmark 6, KS4 resource and downloads its file, by mouse and by keyboard."""

import re

from playwright.sync_api import Page, expect


def test_teacher_narrows_to_benchmark_6_and_ks4_then_downloads_a_file(page: Page, base_url: str):
    page.goto(base_url + "/")
    page.get_by_role("link", name="Browse the resource bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resource bank")
    page.get_by_label(re.compile(r"^6\. Experiences of workplaces")).check()
    page.get_by_label(re.compile(r"^KS4 \(Years 10 and 11\)")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"benchmark=6.*key_stage=KS4"))
    results = page.locator(".portal-result h3 a")
    expect(results.first).to_be_visible()
    for meta in page.locator(".portal-result .portal-meta").all_inner_texts():
        if "Benchmark" in meta:
            assert "Benchmark 6" in meta and "KS4" in meta
    page.get_by_role("link", name=re.compile("Meeting the work experience duty")).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\(PDF\)$")).click()
    path = download_info.value.path()
    assert path.read_bytes()[:5] == b"%PDF-"


def test_the_same_search_by_keyboard_alone(page: Page, base_url: str):
    page.goto(base_url + "/resources/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    benchmark_6 = page.get_by_label(re.compile(r"^6\. Experiences of workplaces"))
    key_stage_4 = page.get_by_label(re.compile(r"^KS4 \(Years 10 and 11\)"))
    for _ in range(40):  # tab through the form until the checkbox has focus, as a keyboard user would
        page.keyboard.press("Tab")
        if benchmark_6.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Space")
    for _ in range(40):
        page.keyboard.press("Tab")
        if key_stage_4.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Space")
    expect(benchmark_6).to_be_checked()
    expect(key_stage_4).to_be_checked()
    apply = page.get_by_role("button", name="Apply filters")
    for _ in range(40):
        page.keyboard.press("Tab")
        if apply.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"benchmark=6.*key_stage=KS4"))
    first = page.locator(".portal-result h3 a").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Resource details")).to_be_visible()
