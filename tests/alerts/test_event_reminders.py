"""Reminders the day before an event or open day: asking, confirming, the scheduled job, retention,
and the manage page (which also changes an alert's frequency). Dates are relative to today and
the job is given its day, so the tests hold whatever the clock says."""

import datetime
import email
import re
import uuid
from collections.abc import Iterator

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts import links
from alerts.day_before import purge_past, send_day_before
from alerts.digests import purge_unconfirmed
from alerts.models import Alert, Frequency, Reminder
from directory.models import OpenDay
from events.dates import local
from events.models import EventPage
from portal.home.models import HomePage
from portal.outbox.models import OutgoingEmail
from tests.directory import factories as directory_factories
from tests.events import factories
from tests.shared_data import built_once
from tests.tasks import commit, run_tasks

pytestmark = pytest.mark.django_db

ADDRESS = "parent@family.example"


def days_ahead(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return factories.london(day.year, day.month, day.day, hour)


@pytest.fixture(scope="module")
def built_event(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The event reminders are asked for, built once for the module (tests/shared_data.py): the
    moves, cancellations and unpublishing of each test are rolled back. The on-commit callbacks of
    its publishing are run here, as its commit would: left pending, the first test to call
    run_tasks() would run them, and no later one (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        page = factories.event(
            factories.event_index(HomePage.objects.get()),
            start=days_ahead(20),
            title="Apprenticeship fair",
            venue="Town hall",
        )
        commit()
        yield page.pk


@pytest.fixture
def event(built_event, db) -> EventPage:
    """The event, read afresh for each test: tests move, cancel and unpublish their copy."""
    return EventPage.objects.get(pk=built_event)


def form_url(event) -> str:
    return f"/reminders/new/event/{event.pk}/"


def ask(client: Client, url: str, address: str = ADDRESS, submission: str | None = None, **extra):
    return client.post(url, {"email": address, "submission": submission or str(uuid.uuid4())}, **extra)


def path_in(body: str, part: str) -> str:
    return re.search(rf"https?://[^/\s]+(/reminders/{part}/\S+/)", body).group(1)


def confirmed(client: Client, url: str, address: str = ADDRESS) -> Reminder:
    ask(client, url, address)
    run_tasks()
    client.post(path_in(mail.outbox[-1].body, "confirm"))
    reminder = Reminder.objects.get(email=address)
    assert reminder.confirmed_at is not None
    return reminder


def day_before(event) -> datetime.date:
    return local(event.start).date() - datetime.timedelta(days=1)


def test_the_event_page_links_the_form_which_explains_what_is_kept(client, event):
    page = client.get(event.url).content.decode()
    assert f'href="{form_url(event)}"' in page
    shown = client.get(form_url(event))
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    text = shown.content.decode()
    assert "Remind me the day before" in text and "Town hall" in text
    assert "only your email address and which event it is" in text
    assert 'name="submission"' in text


def test_asking_stores_only_the_address_and_the_event_and_confirms_through_a_signed_link(client, event):
    response = ask(client, form_url(event), address=" Parent@Family.example ")
    assert response.status_code == 200 and b"Check your email" in response.content
    reminder = Reminder.objects.get()
    assert (reminder.email, reminder.event_id, reminder.open_day_id) == (ADDRESS, event.pk, None)
    assert reminder.confirmed_at is None
    run_tasks()
    [confirmation] = mail.outbox
    assert confirmation.subject == "Confirm your reminder" and confirmation.to == [ADDRESS]
    assert "Apprenticeship fair" in confirmation.body
    confirm = path_in(confirmation.body, "confirm")
    assert b"Confirm reminder" in client.get(confirm).content  # a button: a mail scanner confirms nothing
    assert Reminder.objects.get().confirmed_at is None
    answer = client.post(confirm)
    assert answer.status_code == 302 and answer["Location"].endswith("?confirmed=reminder")
    assert Reminder.objects.get().confirmed_at is not None
    manage = client.get(answer["Location"]).content.decode()
    assert "Reminder confirmed" in manage and "Apprenticeship fair" in manage


def test_a_double_submit_makes_one_reminder_and_one_email(client, event):
    token = str(uuid.uuid4())
    first = ask(client, form_url(event), submission=token)
    second = ask(client, form_url(event), submission=token)
    assert first.status_code == second.status_code == 200
    assert b"Check your email" in second.content
    assert Reminder.objects.count() == 1
    assert OutgoingEmail.objects.filter(key__startswith="reminders:confirm:").count() == 1
    # The same token with another address is someone else's request: their own reminder.
    ask(client, form_url(event), address="other@family.example", submission=token)
    assert Reminder.objects.filter(email="other@family.example").exists()


def test_asking_again_with_a_fresh_form_resends_the_link_but_keeps_one_reminder(client, event):
    ask(client, form_url(event))
    ask(client, form_url(event))
    assert Reminder.objects.count() == 1
    assert OutgoingEmail.objects.filter(key__startswith="reminders:confirm:").count() == 2


def test_bad_address_too_late_unknown_or_unpublished_events(client, home, event):
    response = ask(client, form_url(event), address="not an address")
    assert response.status_code == 400
    assert b"Enter an email address like name@example.org" in response.content
    assert b"govuk-error-summary" in response.content
    index = factories.event_index(home)
    today = factories.event(index, start=days_ahead(0, hour=23), title="Tonight")
    assert "Remind me the day before" not in client.get(today.url).content.decode()
    assert b"too late" in client.get(form_url(today)).content
    assert ask(client, form_url(today)).status_code == 400
    cancelled = factories.event(index, start=days_ahead(5), is_cancelled=True)
    assert b"cancelled" in client.get(form_url(cancelled)).content
    assert ask(client, form_url(cancelled)).status_code == 400
    draft = factories.event(index, start=days_ahead(5), live=False)
    assert client.get(form_url(draft)).status_code == 404
    assert client.get("/reminders/new/event/999999/").status_code == 404
    assert client.get("/reminders/new/open-day/999999/").status_code == 404
    assert not Reminder.objects.exists()


@pytest.mark.usefixtures("one_rate_window")
def test_the_form_is_rate_limited_by_address(client, event):
    for _ in range(10):
        assert ask(client, form_url(event), REMOTE_ADDR="198.51.100.20").status_code == 200
    assert ask(client, form_url(event), REMOTE_ADDR="198.51.100.20").status_code == 429
    assert ask(client, form_url(event), REMOTE_ADDR="198.51.100.21").status_code == 200


def test_tampered_or_misused_links_are_refused(client, event):
    ask(client, form_url(event))
    reminder = Reminder.objects.get()
    good = links.token(reminder.pk, Reminder.confirm_salt)
    tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    assert client.post(f"/reminders/confirm/{tampered}/").status_code == 404
    # Right value, wrong purpose: an alert's confirm link or a reminder's unsubscribe link.
    assert client.post(f"/reminders/confirm/{links.token(reminder.pk, links.CONFIRM)}/").status_code == 404
    assert client.post(f"/alerts/confirm/{good}/").status_code == 404
    unsubscribe = links.token(reminder.pk, Reminder.unsubscribe_salt)
    assert client.post(f"/reminders/confirm/{unsubscribe}/").status_code == 404
    assert (
        client.get(f"/reminders/unsubscribe/{links.token(reminder.pk, links.UNSUBSCRIBE)}/").status_code
        == 404
    )
    assert client.get(f"/alerts/manage/{links.token(ADDRESS, links.MANAGE)[:-3]}xyz/").status_code == 404
    assert Reminder.objects.get().confirmed_at is None


def test_the_job_sends_once_the_day_before_with_place_time_link_and_ics(client, event):
    reminder = confirmed(client, form_url(event))
    mail.outbox.clear()
    assert send_day_before(day_before(event) - datetime.timedelta(days=1)) == 0  # two days before
    assert send_day_before(day_before(event)) == 1
    assert send_day_before(day_before(event)) == 0  # a rerun sends nothing
    assert not Reminder.objects.exists()  # deleted once sent
    [queued] = OutgoingEmail.objects.filter(key__startswith="reminders:day-before:")
    assert queued.key == f"reminders:day-before:{reminder.pk}:{local(event.start).date().isoformat()}"
    run_tasks()
    [sent] = mail.outbox
    assert sent.subject == "Reminder: Apprenticeship fair is tomorrow" and sent.to == [ADDRESS]
    assert event.when in sent.body and "Town hall" in sent.body
    assert f"/events/{event.slug}/" in sent.body
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/reminders/unsubscribe/" in sent.extra_headers["List-Unsubscribe"]
    message = email.message_from_bytes(sent.message().as_bytes())
    [ics] = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert ics.get_filename() == f"{event.slug}.ics"
    calendar = ics.get_payload(decode=True).decode()
    assert "BEGIN:VEVENT" in calendar and "SUMMARY:Apprenticeship fair" in calendar
    # The one-click unsubscribe of a reminder already sent (and deleted) still answers.
    unsubscribe = "/" + sent.extra_headers["List-Unsubscribe"].strip("<>").split("://", 1)[1].split("/", 1)[1]
    assert Client(enforce_csrf_checks=True).post(unsubscribe).status_code == 200


def test_a_moved_event_is_reminded_for_its_new_date(client, event):
    confirmed(client, form_url(event))
    old_day_before = day_before(event)
    event.start += datetime.timedelta(days=3)
    event.end += datetime.timedelta(days=3)
    event.save_revision().publish()
    assert send_day_before(old_day_before) == 0
    assert Reminder.objects.exists()
    assert send_day_before(old_day_before + datetime.timedelta(days=3)) == 1


def test_an_unpublished_event_is_skipped_and_the_reminder_purged_once_it_has_passed(client, event):
    confirmed(client, form_url(event))
    event.unpublish()
    assert send_day_before(day_before(event)) == 0
    assert not OutgoingEmail.objects.filter(key__startswith="reminders:day-before:").exists()
    assert purge_past(event.end - datetime.timedelta(minutes=1)) == 0
    assert purge_past(event.end + datetime.timedelta(minutes=1)) == 1
    assert not Reminder.objects.exists()


def test_a_cancelled_event_sends_word_of_the_cancellation_not_a_reminder(client, event):
    confirmed(client, form_url(event))
    event.is_cancelled = True
    event.save_revision().publish()
    mail.outbox.clear()
    assert send_day_before(day_before(event)) == 1
    run_tasks()
    [sent] = mail.outbox
    assert sent.subject == "Cancelled: Apprenticeship fair"
    assert "has been cancelled" in sent.body


def test_open_day_reminder_from_the_provider_page(client, home):
    index = directory_factories.post16_index(home)
    day = timezone.localdate() + datetime.timedelta(days=12)
    provider = directory_factories.provider(index, title="Riverside College", open_days=[day])
    open_day = OpenDay.objects.get(page=provider)
    page = client.get(provider.url).content.decode()
    assert f"/reminders/new/open-day/{open_day.pk}/" in page
    reminder = confirmed(client, f"/reminders/new/open-day/{open_day.pk}/")
    assert (reminder.event_id, reminder.open_day_id) == (None, open_day.pk)
    mail.outbox.clear()
    assert send_day_before(day - datetime.timedelta(days=1)) == 1
    run_tasks()
    [sent] = mail.outbox
    assert sent.subject == "Reminder: Open day: Riverside College is tomorrow"
    assert f"{provider.url}#open-days" in sent.body
    assert not sent.attachments  # a provider page offers no .ics


def test_an_open_day_moved_keeps_its_reminder_and_one_removed_takes_it_away(client, home):
    index = directory_factories.post16_index(home)
    provider = directory_factories.provider(
        index, open_days=[timezone.localdate() + datetime.timedelta(days=9)]
    )
    reminder = confirmed(client, f"/reminders/new/open-day/{OpenDay.objects.get().pk}/")
    provider.refresh_from_db()
    [open_day] = provider.open_days.all()
    open_day.date += datetime.timedelta(days=7)  # moved: the same open day, so the same reminder
    provider.open_days.set([open_day])
    provider.save_revision().publish()
    assert OpenDay.objects.get().pk == reminder.open_day_id
    assert send_day_before(open_day.date - datetime.timedelta(days=1)) == 1
    reminder = confirmed(client, f"/reminders/new/open-day/{open_day.pk}/", address="other@family.example")
    provider.refresh_from_db()
    provider.open_days.set([])  # the editor removes the open day and publishes
    provider.save_revision().publish()
    assert not OpenDay.objects.exists()
    assert not Reminder.objects.exists()


def test_unconfirmed_reminders_are_deleted_after_48_hours_and_past_open_days_purged(client, home, event):
    ask(client, form_url(event))
    now = timezone.now()
    assert purge_unconfirmed(now + datetime.timedelta(hours=47)) == 0
    assert purge_unconfirmed(now + datetime.timedelta(hours=49)) == 1
    assert not Reminder.objects.exists()
    index = directory_factories.post16_index(home)
    day = timezone.localdate() + datetime.timedelta(days=3)
    directory_factories.provider(index, open_days=[day])
    confirmed(client, f"/reminders/new/open-day/{OpenDay.objects.get().pk}/")
    assert purge_past(now) == 0
    later = now + datetime.timedelta(days=4)
    assert purge_past(later) == 1


def alert(address: str = ADDRESS, frequency: str = Frequency.WEEKLY, **fields) -> Alert:
    return Alert.objects.create(email=address, source="events", frequency=frequency, **fields)


def test_the_manage_page_changes_an_alerts_frequency_only_for_its_own_address(client, event):
    mine, theirs = alert(), alert("someone@else.example")
    url = f"/alerts/manage/{links.token(ADDRESS, links.MANAGE)}/"
    page = client.get(url).content.decode()
    assert "Once a day instead" in page and "someone@else" not in page
    answer = client.post(url, {"frequency": f"{mine.pk}:daily"})
    assert answer.status_code == 302
    assert b"We have changed how often we email you" in client.get(answer["Location"]).content
    mine.refresh_from_db()
    assert mine.frequency == Frequency.DAILY
    assert "Once a week instead" in client.get(url).content.decode()
    client.post(url, {"frequency": f"{theirs.pk}:daily"})
    theirs.refresh_from_db()
    assert theirs.frequency == Frequency.WEEKLY
    for bad in [f"{mine.pk}:hourly", "x:daily", ""]:
        response = client.post(url, {"frequency": bad})
        assert response.status_code == (400 if bad else 302)
    assert b"Choose how often" in client.post(url, {"frequency": f"{mine.pk}:monthly"}).content
    mine.refresh_from_db()
    assert mine.frequency == Frequency.DAILY


def test_the_manage_page_lists_and_deletes_reminders_too(client, home, event):
    other_event = factories.event(factories.event_index(home), start=days_ahead(30), title="Careers roadshow")
    confirmed(client, form_url(event))
    ask(client, form_url(other_event))
    ask(client, form_url(event), address="someone@else.example")
    alert()
    url = f"/alerts/manage/{links.token(ADDRESS, links.MANAGE)}/"
    page = client.get(url).content.decode()
    assert "Apprenticeship fair" in page and "Careers roadshow" in page and "(not confirmed yet)" in page
    roadshow = Reminder.objects.get(email=ADDRESS, event=other_event)
    client.post(url, {"delete_reminder": str(roadshow.pk)})
    assert not Reminder.objects.filter(pk=roadshow.pk).exists()
    client.post(url, {"delete_all": "1"})
    assert not Alert.objects.filter(email=ADDRESS).exists()
    assert list(Reminder.objects.values_list("email", flat=True)) == ["someone@else.example"]
    assert b"We keep nothing about this address" in client.get(url).content


def test_lost_links_are_sent_to_an_address_with_only_reminders(client, event):
    ask(client, form_url(event))
    client.post("/alerts/manage/", {"email": ADDRESS})
    assert OutgoingEmail.objects.filter(key__startswith=f"alerts:manage:{ADDRESS}").exists()
