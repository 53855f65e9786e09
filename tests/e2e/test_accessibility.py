"""axe-core on every public page type of the foundation: zero WCAG 2.2 A/AA violations."""

import pytest
from playwright.sync_api import Page, expect

PAGES = [
    "/",
    "/resources/",
    "/resources/?benchmark=6&key_stage=KS4",
    "/resources/?benchmark=99",
    "/resources/benchmarks/",
    "/resources/benchmarks/6/",
    "/resources/meeting-the-work-experience-duty/",
    "/resources/kingfisher-employer-mentoring/",
    "/accessibility/",
    "/privacy/",
    "/no-such-page/",
    "/support-for-schools/",
    "/support-for-schools/?phase=primary&need=send",
    "/post-16/",
    "/post-16/compare/",
    "/stories/",
    "/stories/?sector=health",
    "/events/",
    "/events/?type=open-day",
    "/events/?month=not-a-month",
]


def _first_link(page: Page, base_url: str, index: str) -> str:
    page.goto(base_url + index)
    href = page.locator(f"main a[href^='{index}'][href$='/']").evaluate_all(
        "(links, index) => links.map(a => a.getAttribute('href')).filter(h => h !== index && !h.includes('?'))",
        index,
    )
    assert href, f"no detail page linked from {index}"
    return href[0]


@pytest.mark.parametrize("index", ["/support-for-schools/", "/post-16/", "/stories/", "/events/"])
def test_no_accessibility_violations_on_detail_pages(page: Page, base_url: str, axe_violations, index: str):
    page.goto(base_url + _first_link(page, base_url, index))
    assert axe_violations(page) == []


def test_an_enquiry_form_with_its_errors_has_no_violations(page: Page, base_url: str, axe_violations):
    page.goto(base_url + _first_link(page, base_url, "/support-for-schools/"))
    form = page.locator("main form[method='post']").first
    form.locator("button[type='submit']").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(page: Page, base_url: str, axe_violations, path: str):
    page.goto(base_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/resources/?benchmark=6"])
def test_no_content_security_policy_violations(page: Page, base_url: str, path: str):
    reports: list[str] = []
    page.on(
        "console",
        lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert reports == []
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
