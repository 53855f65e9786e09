"""A careers leader signs in, takes the self-review for this term in a real browser, and sees the
resources for the weakest benchmark. The demo account at Kingfisher Academy (demo/data/selfreview.toml)
has a review last term only, so this term's form starts empty."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD

LEADER = "careers.leader@kingfisher.example.org"
# demo/data/resources.toml: a Benchmark 8 activity for KS4 and KS5 in mainstream schools.
GUIDANCE_RESOURCE = "Getting ready for your careers meeting"


def test_a_careers_leader_takes_the_review_and_sees_resources_for_the_weakest(
    page: Page, base_url: str, axe_violations
):
    page.goto(base_url + "/self-review/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/self-review/"))
    page.get_by_label("Username").fill(LEADER)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/self-review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Careers self-review")
    page.get_by_role("link", name=re.compile(r"^Start the review for")).click()

    # Sending it half-answered shows the error summary, linked to the first missing question.
    groups = page.locator("fieldset.govuk-fieldset")
    groups.first.get_by_label("Met").check()
    page.get_by_role("button", name="Save and see your profile").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link").first).to_contain_text("Benchmark 1: choose met, partly or not yet")
    assert axe_violations(page) == []

    # Everything met except Benchmark 8 (not yet) and one statement each of 3 and 4 (partly).
    for index in range(groups.count()):
        legend = groups.nth(index).locator("legend").inner_text()
        answer = "Met"
        if legend.startswith(
            (
                "Every pupil has a personal guidance",
                "Pupils have a further guidance",
                "Pupils, parents and carers know how to ask",
            )
        ):
            answer = "Not yet"
        elif legend.startswith(("The programme is adapted", "Careers is part of the training")):
            answer = "Partly"
        groups.nth(index).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save and see your profile").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Your careers profile")
    weakest = page.get_by_role("region", name="Benchmark 8: Personal guidance")
    expect(weakest).to_contain_text("Not yet")
    expect(weakest.get_by_role("link", name=GUIDANCE_RESOURCE)).to_be_visible()
    expect(page.get_by_text("Changes are compared with your review for")).to_be_visible()
    assert axe_violations(page) == []

    weakest.get_by_role("link", name=GUIDANCE_RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GUIDANCE_RESOURCE)
