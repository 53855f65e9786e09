"""axe-core on every public page type of the foundation: zero WCAG 2.2 A/AA violations."""

import pytest
from playwright.sync_api import Page

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
]


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
