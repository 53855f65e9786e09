"""A reminder the day before an event, as a parent uses it: ask on the event's page, confirm from
the email, and get the reminder (with the event's .ics) when the scheduled job runs the day
before. The worker and the job run as in production (manage.py subprocesses) and deliver to a
real SMTP server; the job is given its day, so the test holds whatever today's date is."""

import datetime
import re
from email.message import Message

from playwright.sync_api import Page, expect

from tests.smtp_sink import SMTPSink

from .test_alerts_and_shortlists import deliver, manage

ADDRESS = "parent.carer@family.example"

# An evening 20 days from the server's today, published as an editor would; prints its URL and day (after whatever else the shell prints).
PUBLISH_EVENT = """
import datetime
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from portal.taxonomy.models import Audience
index = EventIndexPage.objects.get()
day = timezone.localdate() + datetime.timedelta(days=20)
start = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=timezone.get_default_timezone())
page = EventPage(title="Sixth form open evening for reminders", slug="open-evening-reminder-test",
    kind="open-day", summary="Meet the teachers.", start=start, end=start + datetime.timedelta(hours=2),
    venue="Riverside Sixth Form College, main hall", organiser="Head of Sixth Form", live=False)
page.audiences.set(Audience.objects.filter(code="parents"))
index.add_child(instance=page)
page.save_revision().publish()
print("PUBLISHED", page.url, day.isoformat())
"""


def about(sink: SMTPSink, subject_part: str) -> list[Message]:
    return [message for message in sink.messages if subject_part in message["Subject"]]


def text_of(message: Message) -> str:
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def path_in(text: str, part: str) -> str:
    return re.search(rf"https?://[^/\s]+(/(?:reminders|alerts)/{part}/\S+/)", text).group(1)


def test_reminder_asked_confirmed_and_sent_the_day_before(
    page: Page, base_url: str, server_env: dict[str, str], sink: SMTPSink, axe_violations
) -> None:
    published = manage(server_env, sink, "shell", "-c", PUBLISH_EVENT)
    url, day = re.search(r"^PUBLISHED (\S+) (\S+)$", published, re.MULTILINE).groups()
    event_day = datetime.date.fromisoformat(day)

    page.goto(base_url + url)
    page.get_by_role("link", name="Remind me the day before").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remind me the day before")
    expect(page.locator("#alerts-privacy")).to_contain_text("48 hours")
    page.get_by_role("button", name="Send me a link to confirm").click()  # no address yet
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    assert axe_violations(page) == []
    page.get_by_label("Email address").fill(ADDRESS)
    page.get_by_role("button", name="Send me a link to confirm").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    deliver(server_env, sink)
    [confirmation] = about(sink, "Confirm your reminder")
    page.goto(base_url + path_in(text_of(confirmation), "confirm"))
    page.get_by_role("button", name="Confirm reminder").click()
    expect(page.get_by_text("Reminder confirmed")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Sixth form open evening for reminders")
    assert axe_violations(page) == []

    def job(on: datetime.date) -> str:
        return manage(server_env, sink, "send_event_reminders", "--date", on.isoformat())

    assert "Queued 0 event reminders" in job(event_day - datetime.timedelta(days=2))
    assert "Queued 1 event reminders" in job(event_day - datetime.timedelta(days=1))
    assert "Queued 0 event reminders" in job(event_day - datetime.timedelta(days=1))  # a rerun sends nothing
    deliver(server_env, sink)
    [reminder] = about(sink, "Reminder: Sixth form open evening for reminders is tomorrow")
    assert reminder["To"] == ADDRESS
    text = text_of(reminder)
    assert "6pm to 8pm" in text and "Riverside Sixth Form College, main hall" in text
    assert url in text
    [ics] = [part for part in reminder.walk() if part.get_content_type() == "text/calendar"]
    assert "SUMMARY:Sixth form open evening for reminders" in ics.get_payload(decode=True).decode()
    assert reminder["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = page.request.post(base_url + path_in(reminder["List-Unsubscribe"], "unsubscribe"))
    assert one_click.ok

    # Sent, so deleted: the manage page no longer lists it.
    page.goto(base_url + path_in(text, "manage"))
    expect(page.locator("main")).to_contain_text("We keep nothing about this address")
