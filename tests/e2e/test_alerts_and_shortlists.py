"""Alerts, feeds and shortlists as a visitor uses them: subscribe to an alert, confirm it from the
email, get the digest when a matching resource is published, unsubscribe from it; read the feeds;
download a shortlist of three as a PDF. The worker and the scheduled command run as they would in
production (manage.py subprocesses), delivering to a real SMTP server."""

import io
import re
import subprocess
import sys

import feedparser
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.smtp_sink import SMTPSink

from .conftest import ROOT

PUBLISH_MATCHING_RESOURCE = """
from portal.taxonomy.models import Benchmark, KeyStage
from resources.models import ResourceIndexPage, ResourcePage
index = ResourceIndexPage.objects.get()
page = ResourcePage(title="Mock interviews with local employers", slug="mock-interviews-alert-test",
    kind="activity", summary="Pupils practise interviews with employers.")
index.add_child(instance=page)
page.benchmarks.set(Benchmark.objects.filter(number=6))
page.key_stages.set(KeyStage.objects.filter(code="KS4"))
page.save_revision().publish()
"""


def manage(env: dict[str, str], sink: SMTPSink, *args: str) -> str:
    mail_env = {
        **env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=mail_env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def deliver(env: dict[str, str], sink: SMTPSink) -> None:
    """What the task worker does between two requests: run every queued task (email delivery)."""
    manage(env, sink, "db_worker", "--queue-name", "*", "--batch", "--no-startup-delay")


def body_of(sink: SMTPSink, subject_part: str):
    matching = [m for m in sink.messages if subject_part in m["Subject"]]
    assert matching, f"No email about “{subject_part}” in {sink.received()}"
    message = matching[-1]
    return message, message.get_payload(decode=True).decode()


def path_in(text: str, part: str) -> str:
    return re.search(rf"https?://[^/\s]+(/alerts/{part}/\S+/)", text).group(1)


def test_alert_subscribe_confirm_digest_unsubscribe(
    page: Page, base_url: str, server_env: dict[str, str], sink: SMTPSink
) -> None:
    page.goto(base_url + "/resources/?benchmark=6&key_stage=KS4")
    page.get_by_role("link", name="Get email alerts for this search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get email alerts for this search")
    expect(page.locator("#alerts-privacy")).to_contain_text("48 hours")
    page.get_by_label("Email address").fill("careers.leader@school.example")
    page.get_by_label("Once a day").check()
    page.get_by_role("button", name="Send me a link to confirm").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    deliver(server_env, sink)
    _, confirmation = body_of(sink, "Confirm your email alert")
    page.goto(base_url + path_in(confirmation, "confirm"))
    page.get_by_role("button", name="Confirm alert").click()
    expect(page.get_by_text("Alert confirmed")).to_be_visible()
    expect(page.get_by_text("Resources", exact=True)).to_be_visible()

    manage(server_env, sink, "shell", "-c", PUBLISH_MATCHING_RESOURCE)
    assert "Queued 1 alert digests" in manage(server_env, sink, "send_alert_digests")
    assert "Queued 0 alert digests" in manage(server_env, sink, "send_alert_digests")  # a rerun sends nothing
    deliver(server_env, sink)
    digest, text = body_of(sink, "new or updated")
    assert "Mock interviews with local employers" in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = path_in(digest["List-Unsubscribe"], "unsubscribe")
    assert unsubscribe == path_in(text, "unsubscribe")

    page.goto(base_url + unsubscribe)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You have unsubscribed")).to_be_visible()
    # The alert is gone: the same link now finds nothing.
    page.goto(base_url + unsubscribe)
    expect(page.get_by_role("heading", name="No such alert")).to_be_visible()


@pytest.mark.parametrize(
    "listing", ["/resources/", "/placements/", "/events/", "/stories/", "/post-16/", "/support-for-schools/"]
)
def test_listings_link_a_valid_atom_feed(page: Page, base_url: str, listing: str) -> None:
    page.goto(base_url + listing)
    href = page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    response = page.request.get(base_url + href)
    assert response.ok
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.entries, f"{listing} feed is empty with the demo content"


def test_filtered_and_search_feeds_validate(page: Page, base_url: str) -> None:
    for url in [
        "/resources/feed/?benchmark=6&key_stage=KS4",
        "/placements/feed/?key_stage=KS5",
        "/search/feed/?q=apprenticeships",
    ]:
        feed = feedparser.parse(page.request.get(base_url + url).body())
        assert not feed.bozo and feed.version == "atom10", url


def test_shortlist_of_three_downloads_as_a_pdf_naming_all_three(page: Page, base_url: str) -> None:
    page.goto(base_url + "/resources/")
    links = page.locator("main h2 a, main h3 a").all()[:3]
    titles = [link.inner_text().strip() for link in links]
    urls = [link.get_attribute("href") for link in links]
    assert len(urls) == 3
    for url in urls:
        page.goto(base_url + url)
        page.get_by_role("button", name=re.compile("^Add to shortlist")).click()
        expect(page.get_by_role("heading", name="Your shortlist")).to_be_visible()
    for title in titles:
        expect(page.locator("main")).to_contain_text(title)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the pack (PDF)").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(pdf_page.extract_text() for pdf_page in pdf.pages)
    text = " ".join(text.split())
    for title in titles:
        assert " ".join(title.split()) in text
