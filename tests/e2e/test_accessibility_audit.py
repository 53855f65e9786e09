"""axe-core where test_accessibility.py and the journeys did not reach: search with and without
results and with filters, the contributor form with its errors and its follow-up pages; and, on
every public page type, the structure rules axe files under best practice rather than WCAG tags
(headings in order, one h1, one main landmark, all content in landmarks, a working skip link)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

STRUCTURE_RULES = [
    "heading-order",
    "page-has-heading-one",
    "landmark-one-main",
    "region",
    "skip-link",
    "bypass",
]

PAGES = [
    "/",
    "/resources/?benchmark=6&key_stage=KS4",
    "/resources/meeting-the-work-experience-duty/",
    "/resources/benchmarks/6/",
    "/placements/?key_stage=KS5&places_left=yes",
    "/placements/highways-transport/",
    "/placements/highways-transport/highways-engineering-week/",
    "/placements/highways-transport/highways-engineering-week/request/",
    "/support-for-schools/?phase=primary",
    "/support-for-schools/careers-guidance/",
    "/post-16/",
    "/post-16/options-at-16/",
    "/post-16/riverside-sixth-form-college/",
    "/post-16/compare/",
    "/stories/?sector=health",
    "/events/?type=open-day",
    "/events/careers-roadshow-kingfisher-academy/",
    "/search/?q=work+experience",
    "/search/?q=work+experience&benchmark=6&key_stage=KS4&type=resource",
    "/search/?q=qqqzzzxxyy",
    "/search/",
    "/contributors/request-account/",
    "/accessibility/",
    "/no-such-page/",
]


@pytest.mark.parametrize(
    "path",
    [
        "/search/?q=work+experience",
        "/search/?q=work+experience&benchmark=6&key_stage=KS4&type=resource",
        "/search/?q=qqqzzzxxyy",
        "/search/?q=work&benchmark=99&key_stage=KS9&sort=nonsense&page=-1",
        "/search/",
        "/contributors/request-account/",
        "/contributors/request-account/sent/",
        "/contributors/confirm/not-a-real-token/",
        "/post-16/compare/?route=apprenticeship&route=t-levels",
        "/resources/?q=qqqzzzxxyy",
        "/placements/?q=qqqzzzxxyy",
    ],
)
def test_no_violations_on_search_and_contributor_pages(page: Page, base_url: str, axe_violations, path: str):
    response = page.goto(base_url + path)
    assert response is not None and response.status in (200, 400)
    assert axe_violations(page) == []


def test_search_without_results_says_so(page: Page, base_url: str):
    page.goto(base_url + "/search/?q=qqqzzzxxyy")
    expect(page.locator("main")).to_contain_text("qqqzzzxxyy")
    expect(page.locator(".portal-result")).to_have_count(0)


def test_the_contributor_form_with_its_errors_has_no_violations(page: Page, base_url: str, axe_violations):
    page.goto(base_url + "/contributors/request-account/")
    page.locator("main form[method='post'] button[type='submit']").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    for link in summary.get_by_role("link").all():
        target = link.get_attribute("href").removeprefix("#")
        expect(page.locator(f"[id='{target}']")).to_have_count(1)  # every error links to its field
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_structure_best_practices(page: Page, base_url: str, path: str):
    response = page.goto(base_url + path)
    assert response is not None and response.status == (404 if path == "/no-such-page/" else 200)
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": STRUCTURE_RULES}})
    violations = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert violations == []
