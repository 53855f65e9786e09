"""The outbox: queued with the change it is about, delivered by a task, at most once, retried
with backoff, and listed for editors when it gives up."""

import datetime

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.outbox import queue_email
from portal.outbox.delivery import lease, retry_delay
from portal.outbox.models import OutgoingEmail
from portal.outbox.tasks import deliver_email
from tests.publishing import factories as people
from tests.tasks import commit, queued_tasks, run_tasks

pytestmark = pytest.mark.django_db
# Far enough ahead for the first retry (OUTBOX_RETRY_SECONDS), not the second.
NEXT_RETRY = datetime.timedelta(seconds=90)
Status = OutgoingEmail.Status


def queue(key: str = "test:one", **overrides) -> OutgoingEmail:
    fields = {
        "subject": "Your request",
        "body": "Hello",
        "to": ["ann@school.example.org"],
        **overrides,
    }
    return queue_email(key=key, **fields)


def test_the_same_key_queues_one_message_and_one_task():
    first = queue(headers={"List-Unsubscribe": "<https://portal.example.org/unsubscribe/abc/>"})
    again = queue(subject="A different subject")
    assert again.pk == first.pk and OutgoingEmail.objects.get().subject == "Your request"
    commit()
    assert len(queued_tasks("deliver_email")) == 1

    run_tasks()

    [sent] = mail.outbox
    assert sent.to == ["ann@school.example.org"] and sent.subject == "Your request"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://portal.example.org/unsubscribe/abc/>"
    assert sent.extra_headers["Message-ID"].startswith(f"<outbox-{first.pk}.")
    first.refresh_from_db()
    assert (first.status, first.attempts) == (Status.SENT, 1) and first.sent_at is not None


def test_nothing_is_queued_or_sent_when_the_change_is_rolled_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue(key="test:rolled-back")
        raise RuntimeError("the change failed")
    run_tasks()
    assert not OutgoingEmail.objects.exists() and mail.outbox == []


def test_nothing_is_sent_before_the_commit():
    queue()
    assert queued_tasks("deliver_email") == [] and mail.outbox == []


def test_a_task_that_runs_twice_sends_once():
    message = queue()
    commit()
    deliver_email.enqueue(message.pk)  # as after a worker restart, or requeue_email
    assert run_tasks() == 2
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"to": ["", "  "]},
        {"subject": "Hello\nBcc: everyone@example.org"},
        {"headers": {"List-Unsubscribe": "<x>\r\nBcc: everyone@example.org"}},
    ],
)
def test_queue_email_refuses_no_recipient_and_header_injection(bad):
    with pytest.raises(ValueError):
        queue(**bad)
    assert not OutgoingEmail.objects.exists()


def test_a_refusing_server_is_retried_until_it_accepts_then_sent_once(smtp):
    message = queue()
    run_tasks()  # the server refuses connections
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.QUEUED, 1)
    assert "ConnectionRefused" in message.last_error
    assert len(queued_tasks("deliver_email")) == 1, "a retry is scheduled"

    smtp.accept()
    run_tasks(later=NEXT_RETRY)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 2)
    assert smtp.received() == [("ann@school.example.org", "Your request")]

    call_command("requeue_email")
    run_tasks()
    assert len(smtp.received()) == 1


def test_a_stalled_server_times_out_and_the_message_waits_for_the_next_attempt(smtp):
    smtp.stall()
    message = queue()
    run_tasks()
    message.refresh_from_db()
    assert smtp.stalled_connections == 1
    assert message.status == Status.QUEUED and "timed out" in message.last_error.lower()

    smtp.accept()
    run_tasks(later=NEXT_RETRY)
    assert smtp.received() == [("ann@school.example.org", "Your request")]


def test_a_recipient_the_server_refuses_outright_is_not_retried(smtp):
    smtp.reject_recipients()
    message = queue()
    run_tasks()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 1)
    assert "550" in message.last_error and queued_tasks("deliver_email") == []


def test_retries_back_off(settings):
    settings.OUTBOX_RETRY_SECONDS = 60
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(30) == datetime.timedelta(hours=6)


def test_a_retry_waits_until_it_is_due(smtp, settings):
    settings.OUTBOX_RETRY_SECONDS = 600
    message = queue()
    run_tasks()
    smtp.accept()
    run_tasks()
    assert smtp.received() == [], "the retry is not due yet"
    run_tasks(later=datetime.timedelta(seconds=601))
    message.refresh_from_db()
    assert message.status == Status.SENT and len(smtp.received()) == 1


def test_a_worker_lost_while_sending_is_replaced_once_its_lease_runs_out():
    message = queue()
    commit()
    # A worker claimed the message and was killed before it finished.
    claimed = timezone.now()
    OutgoingEmail.objects.filter(pk=message.pk).update(status=Status.SENDING, claimed_at=claimed, attempts=1)
    run_tasks()  # the original task: someone else holds the claim, so it sends nothing
    assert mail.outbox == []

    call_command("requeue_email")
    run_tasks()
    assert mail.outbox == [], "the lease has not run out: the worker may still be sending"

    OutgoingEmail.objects.filter(pk=message.pk).update(claimed_at=claimed - lease())
    call_command("requeue_email")
    run_tasks()
    message.refresh_from_db()
    assert len(mail.outbox) == 1 and (message.status, message.attempts) == (Status.SENT, 2)


def test_a_message_whose_task_was_lost_is_queued_again():
    message = queue()  # queued, but its task never made it (the transaction's callback is dropped)
    OutgoingEmail.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    call_command("requeue_email")
    run_tasks()
    assert len(mail.outbox) == 1


def test_old_sent_and_abandoned_messages_are_purged_and_waiting_ones_kept(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    old = timezone.now() - datetime.timedelta(days=31)
    for key, status in (("sent", Status.SENT), ("failed", Status.FAILED), ("queued", Status.QUEUED)):
        OutgoingEmail.objects.filter(pk=queue(key=key).pk).update(status=status, created_at=old)
    queue(key="recent")
    OutgoingEmail.objects.filter(key="recent").update(status=Status.SENT)
    call_command("purge_outbox")
    assert sorted(OutgoingEmail.objects.values_list("key", flat=True)) == ["queued", "recent"]


# The admin -------------------------------------------------------------------------------------


def failed_message(smtp, settings) -> OutgoingEmail:
    settings.OUTBOX_MAX_ATTEMPTS = 2
    message = queue(subject="Request PL-1 accepted")
    run_tasks(later=datetime.timedelta(days=1))  # refused twice: gives up
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 2)
    return message


def test_editors_see_messages_that_gave_up_and_send_them_again(smtp, settings):
    message = failed_message(smtp, settings)
    editor = people.signed_in(people.editor())
    listing = editor.get(reverse("outbox:index") + "?status=failed").content.decode()
    assert "Request PL-1 accepted" in listing and "ConnectionRefused" in listing

    retry_url = reverse("outbox:edit", args=[message.pk])
    assert "Send again" in editor.get(retry_url).content.decode()
    response = editor.post(retry_url, {})
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.QUEUED, 0)

    smtp.accept()
    run_tasks()
    assert smtp.received() == [("ann@school.example.org", "Request PL-1 accepted")]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert editor.get(retry_url).status_code in (302, 403), "a sent message cannot be sent again"


def test_only_editors_see_outgoing_email(smtp, settings):
    message = failed_message(smtp, settings)
    for user in (people.contributor(), people.reporter()):
        client = people.signed_in(user)
        assert client.get(reverse("outbox:index")).status_code in (302, 403)
        assert client.post(reverse("outbox:edit", args=[message.pk]), {}).status_code in (302, 403)
    message.refresh_from_db()
    assert message.status == Status.FAILED


# Mail through Django's API (Wagtail's notices, password resets) -------------------------------


def test_mail_sent_through_djangos_api_is_queued_in_the_outbox_too(settings):
    settings.EMAIL_BACKEND = "portal.outbox.backends.OutboxBackend"
    message = EmailMultiAlternatives("Page submitted", "A page waits for you.", to=["editor@example.org"])
    message.attach_alternative("<p>A page waits for you.</p>", "text/html")
    message.send()
    assert mail.outbox == [] and OutgoingEmail.objects.get().subject == "Page submitted"
    run_tasks()
    [sent] = mail.outbox
    assert sent.to == ["editor@example.org"]
    assert [tuple(a) for a in sent.alternatives] == [("<p>A page waits for you.</p>", "text/html")]


def test_a_password_reset_never_waits_for_a_stalled_mail_server(client, smtp, settings):
    settings.EMAIL_BACKEND = "portal.outbox.backends.OutboxBackend"
    people.editor()
    smtp.stall()
    response = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 302 and smtp.stalled_connections == 0
    smtp.accept()
    run_tasks()
    assert [to for to, _ in smtp.received()] == ["editor@example.org"]
