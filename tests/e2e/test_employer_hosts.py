"""A local employer in a real browser: applies at /hosts/apply/, an editor approves the application
in the admin, the employer signs in with the password it chose, lists a workplace visit for KS3
through the page editor, and schools find it under "What it is: Workplace visit" with who hosts it."""

import datetime
import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.test_placements import add_window, publish

EDITOR = "demo.editor@example.org"  # demo/data/publishing.toml
EMPLOYER = "Billingham Road Bakery Co-operative"
EMAIL = "visits@billingham-road-bakery.example.org"
PASSWORD = "early morning bread and rolls"  # noqa: S105 - a throwaway database per run
VISIT = "Early bake: a bakery visit for Year 8"


def apply(page: Page, base_url: str) -> None:
    page.goto(base_url + "/hosts/apply/")

    def field(label: str):
        return page.get_by_label(label, exact=True)

    field("Organisation").fill(EMPLOYER)
    page.get_by_label("Sector").select_option(label="Hospitality, retail and leisure")
    field("Address of the workplace").fill("Billingham Road\nStockton-on-Tees")
    field("Postcode").fill("TS20 2AA")
    field("Contact's name").fill("Operations Lead")
    field("Contact's job title").fill("Operations Lead")
    field("Contact's work email address").fill(EMAIL)
    field("Contact's telephone number").fill("01642 123456")
    page.get_by_role("group", name="What can you offer?").get_by_label("Workplace visit").check()
    page.get_by_role("group", name="Which key stages could you work with?").get_by_label(
        re.compile("^KS3")
    ).check()
    field("What you can offer").fill("Classes watch the early bake and meet our apprentices.")
    field("Safeguarding contact's name").fill("Designated Safeguarding Lead")
    field("Safeguarding contact's job title").fill("Designated Safeguarding Lead")
    page.get_by_label(re.compile("^Staff who will work with young people have enhanced DBS")).check()
    page.get_by_label(re.compile("^We hold employer's liability insurance")).check()
    field("Insurer").fill("A UK insurer")
    renewal = datetime.date.today() + datetime.timedelta(days=300)
    field("Insurance renewal date").fill(renewal.isoformat())
    page.get_by_label(re.compile("^Choose a password")).fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", name="Application sent")).to_be_visible()


def approve(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        sign_in(page, base_url, EDITOR)
        page.get_by_role("link", name="Employers applying to host").click()
        page.get_by_role("link", name=EMPLOYER).first.click()
        page.get_by_role("radio", name=re.compile("^Approve")).check()
        page.get_by_role("button", name="Save decision").click()
        expect(page.get_by_text("decision saved")).to_be_visible()
    finally:
        context.close()


def list_a_visit(page: Page, base_url: str, start: datetime.date) -> None:
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/admin/")
    page.goto(base_url + "/admin/pages/")
    page.get_by_role("link", name=EMPLOYER, exact=True).first.click()
    page.get_by_role("link", name=re.compile("Add child page")).first.click()

    def textbox(name: str):
        return page.get_by_role("textbox", name=name, exact=True)

    page.get_by_role("combobox", name="What it is*").select_option("workplace-visit")
    textbox("Title*").fill(VISIT)
    textbox("Summary*").fill("Watch the early-morning bake and meet the bakers and our apprentices.")
    body = page.get_by_role("region", name="Body*")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    body.get_by_role("textbox").fill(
        "Pupils tour the bakery, shape a loaf and ask the bakers about their jobs."
    )
    textbox("Learning outcomes*").fill("Name three jobs in a bakery\nAsk good questions about work")
    page.get_by_role("checkbox", name="Insight day").check()
    page.get_by_role("checkbox", name=re.compile(r"^KS3")).check()
    page.get_by_role("checkbox", name="Mainstream school").check()
    page.get_by_role("spinbutton", name="Hours for each young person*").fill("3")
    textbox("Location name*").fill(EMPLOYER)
    textbox("Address*").fill("Billingham Road\nStockton-on-Tees")
    textbox("Postcode*").fill("TS20 2AA")
    page.get_by_role("checkbox", name=re.compile("^Benchmark 5: it should have a clear purpose")).check()
    add_window(page, 1, start, 20)
    publish(page)
    expect(page.get_by_text(f"Page '{VISIT}' created and published")).to_be_visible()


def test_an_employer_applies_is_approved_and_lists_a_workplace_visit(
    page: Page, base_url: str, browser: Browser
):
    apply(page, base_url)
    approve(browser, base_url)
    list_a_visit(page, base_url, datetime.date.today() + datetime.timedelta(days=40))

    page.goto(base_url + "/placements/?kind=workplace-visit&key_stage=KS3")
    result = page.locator(".portal-result").filter(has=page.get_by_role("link", name=VISIT))
    expect(result).to_contain_text(f"Hosted by {EMPLOYER}, a local employer")
    expect(page.locator(".portal-result").filter(has_not_text="Workplace visit")).to_have_count(0)
    result.get_by_role("link", name=VISIT).click()
    expect(page.get_by_role("heading", name="Is it a meaningful encounter with an employer?")).to_be_visible()
