"""Queuing and delivering outgoing email.

A message is claimed by compare-and-swap (`UPDATE ... WHERE status = 'queued'`), so when two
tasks for the same message run at once, or a task runs twice, only one of them sends. The claim
is a lease: a worker killed while sending leaves the message "sending", and once the lease has
run out `requeue_due()` (the `requeue_email` command, run every few minutes) queues it again.
docs/background-tasks.md describes the one window in which an email can be sent twice."""

import contextlib
import datetime
import functools
import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

# The longest wait between attempts, however many have failed.
MAX_RETRY_DELAY = datetime.timedelta(hours=6)
# A queued message whose task has not run this long after it fell due is queued again (its task
# was lost: a worker died between two writes, or the queue was cleared).
LOST_TASK_GRACE = datetime.timedelta(minutes=5)


def _single_line(value: str, what: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{what} must be a single line.")
    return value


def queue(
    *,
    key: str,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str],
    headers: dict[str, str],
    from_email: str | None,
    alternatives: list[tuple[str, str]] | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
) -> OutgoingEmail:
    """See portal.outbox.queue_email."""
    recipients = [address.strip() for address in to if address and address.strip()]
    if not recipients:
        raise ValueError("An email needs at least one recipient.")
    for name, value in headers.items():
        _single_line(f"{name}{value}", f"The {name} header")
    message, created = OutgoingEmail.objects.get_or_create(
        key=key,
        defaults={
            "subject": _single_line(subject.strip(), "The subject")[:400],
            "body": body,
            "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
            "to": recipients,
            "reply_to": [address.strip() for address in reply_to if address and address.strip()],
            "headers": dict(headers),
            "alternatives": [list(pair) for pair in alternatives or []],
            "attachments": [list(attachment) for attachment in attachments or []],
            "next_attempt_at": timezone.now(),
        },
    )
    if created:
        # robust: the message is saved whatever happens here; requeue_due() finds it if the
        # task cannot be queued (the database went away just after the commit).
        transaction.on_commit(functools.partial(schedule, message.pk), robust=True)
    return message


def schedule(message_id: int, at: datetime.datetime | None = None) -> None:
    """Queue a delivery task, to run at `at` if the task backend can defer (otherwise the
    message waits for requeue_due())."""
    from .tasks import deliver_email

    if at is None:
        deliver_email.enqueue(message_id)
    elif deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=at).enqueue(message_id)


def lease() -> datetime.timedelta:
    """How long an attempt may take before another worker may assume its worker died:
    OUTBOX_LEASE_SECONDS, or a dozen SMTP round trips, each allowed EMAIL_TIMEOUT, and a margin."""
    seconds = settings.OUTBOX_LEASE_SECONDS or 12 * (settings.EMAIL_TIMEOUT or 30) + 60
    return datetime.timedelta(seconds=seconds)


def retry_delay(attempts: int) -> datetime.timedelta:
    """OUTBOX_RETRY_SECONDS after the first failure, doubling after each, capped."""
    delay = datetime.timedelta(seconds=settings.OUTBOX_RETRY_SECONDS * 2 ** min(attempts - 1, 20))
    return min(delay, MAX_RETRY_DELAY)


def deliver(message_id: int) -> str:
    """Send one message unless it is sent, given up, or being sent by another worker. Returns
    what happened: "sent", "retrying", "failed" or "skipped"."""
    claimed_at = timezone.now()
    # When to try is the task's business (run_after), so a worker whose clock is behind still
    # sends; what may be sent is decided here.
    claimable = Q(status=Status.QUEUED) | Q(status=Status.SENDING, claimed_at__lt=claimed_at - lease())
    claimed = OutgoingEmail.objects.filter(claimable, pk=message_id).update(
        status=Status.SENDING, claimed_at=claimed_at, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    message = OutgoingEmail.objects.get(pk=message_id)
    mine = OutgoingEmail.objects.filter(pk=message_id, status=Status.SENDING, claimed_at=claimed_at)
    connection = get_connection(settings.OUTBOX_EMAIL_BACKEND, fail_silently=False)
    try:
        connection.open()
        if not connection.send_messages([as_email_message(message)]):
            raise smtplib.SMTPException("The mail backend reported that nothing was sent.")
    except Exception as error:
        _close_quietly(connection)
        return _record_failure(message, mine, error)
    # The mail server has accepted the message: record it before anything else (even before
    # saying goodbye to the server), because until this row says "sent" a lost worker means
    # a second copy.
    _mark_sent(mine)
    _close_quietly(connection)
    return "sent"


def as_email_message(message: OutgoingEmail) -> EmailMultiAlternatives:
    headers = {"Message-ID": message_id_header(message), **message.headers}
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=message.to,
        reply_to=message.reply_to or None,
        headers=headers,
        alternatives=[tuple(pair) for pair in message.alternatives],
    )
    for filename, content, mimetype in message.attachments:
        email.attach(filename, content, mimetype)
    return email


def message_id_header(message: OutgoingEmail) -> str:
    """The same Message-ID on every attempt: should a message ever go twice, mail clients and
    servers that de-duplicate by Message-ID show it once."""
    domain = message.from_email.rpartition("@")[2].strip(">") or "localhost"
    return f"<outbox-{message.pk}.{message.created_at:%Y%m%d%H%M%S}@{domain}>"


def _mark_sent(mine) -> None:
    # A database blip here is the one way to send twice, so try a few times before giving up.
    for pause in (0.2, 1.0, 3.0, None):
        try:
            mine.update(status=Status.SENT, sent_at=timezone.now(), last_error="")
            return
        except DatabaseError:
            if pause is None:
                logger.exception("Outbox: sent, but could not record it; it may be sent again")
                raise
            time.sleep(pause)


def _close_quietly(connection) -> None:
    # The message's fate is already decided and recorded; a failed goodbye changes nothing.
    with contextlib.suppress(Exception):
        connection.close()


def is_permanent(error: Exception) -> bool:
    """A 5xx answer from the mail server: trying again later would get the same."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return isinstance(error, ValueError)  # e.g. a malformed address


def _record_failure(message: OutgoingEmail, mine, error: Exception) -> str:
    attempts = message.attempts
    description = f"{type(error).__name__}: {error}"[:2000]
    give_up = is_permanent(error) or attempts >= settings.OUTBOX_MAX_ATTEMPTS
    with transaction.atomic():
        if give_up:
            mine.update(status=Status.FAILED, last_error=description, next_attempt_at=None)
        else:
            due = timezone.now() + retry_delay(attempts)
            mine.update(status=Status.QUEUED, last_error=description, next_attempt_at=due)
            schedule(message.pk, at=due)
    log = logger.error if give_up else logger.warning
    log(
        "Outbox: attempt %d for message %d (%s) failed: %s%s",
        attempts,
        message.pk,
        message.key,
        description,
        "; giving up" if give_up else "; will retry",
    )
    return "failed" if give_up else "retrying"


def retry(message: OutgoingEmail) -> bool:
    """An editor's "send again" for a message that gave up: a fresh set of attempts, now.
    False if it is no longer failed (someone else retried it)."""
    with transaction.atomic():
        changed = OutgoingEmail.objects.filter(pk=message.pk, status=Status.FAILED).update(
            status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
        )
        if changed:
            transaction.on_commit(functools.partial(schedule, message.pk), robust=True)
    return bool(changed)


def requeue_due(now: datetime.datetime | None = None) -> int:
    """Queue a delivery task for each message whose task must have been lost: queued and overdue,
    or claimed by a worker whose lease has run out. Extra tasks are harmless (the claim lets one
    through). Returns how many were queued."""
    now = now or timezone.now()
    stuck = OutgoingEmail.objects.filter(
        Q(status=Status.QUEUED, next_attempt_at__lte=now - LOST_TASK_GRACE)
        | Q(status=Status.SENDING, claimed_at__lt=now - lease())
    )
    ids = list(stuck.values_list("pk", flat=True))
    with transaction.atomic():
        # Due now: while the workers are down, the next run finds it overdue only once it has
        # waited another LOST_TASK_GRACE, so the queue gains one task per message per run at most.
        OutgoingEmail.objects.filter(pk__in=ids, status=Status.QUEUED).update(next_attempt_at=now)
        for message_id in ids:
            schedule(message_id)
    return len(ids)


def purge(older_than: datetime.datetime) -> int:
    """Delete sent and given-up messages created before the date (they hold names and
    addresses). Returns how many were deleted."""
    deleted, _ = OutgoingEmail.objects.filter(
        created_at__lt=older_than, status__in=[Status.SENT, Status.FAILED]
    ).delete()
    return deleted
