"""An editor approves a school's submitted case study in a real browser: the demo content
(demo/data/publishing.toml) has a school contributor's case study waiting in the "Editor review" workflow;
it is not public until an editor approves it, and approving the workflow's only task publishes it."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

EDITOR = "demo.editor@example.org"  # demo/data/publishing.toml: the demo account in the Editors role
CASE_STUDY = "A careers fair run by Year 9 students"
CASE_STUDY_PATH = "/resources/student-led-careers-fair-kingfisher/"


def test_editor_approves_a_schools_case_study_and_it_goes_live(page: Page, base_url: str):
    response = page.goto(base_url + CASE_STUDY_PATH)
    assert response is not None and response.status == 404, "the case study is public before review"

    sign_in(page, base_url, EDITOR)
    awaiting = page.get_by_role("region", name="Awaiting your review")
    awaiting.get_by_role("link", name=CASE_STUDY, exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_role("textbox", name="Title*")).to_have_value(CASE_STUDY)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_text(f"Page '{CASE_STUDY}' has been updated.")).to_be_visible()

    page.goto(base_url + "/admin/")
    awaiting = page.get_by_role("region", name="Awaiting your review")
    expect(awaiting.get_by_role("link", name=CASE_STUDY, exact=True)).to_have_count(0)

    response = page.goto(base_url + CASE_STUDY_PATH)
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)
    expect(page.get_by_text("Year 9 students planned and ran a careers fair")).to_be_visible()
