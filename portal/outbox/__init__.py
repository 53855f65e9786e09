"""The outbox: every email the portal sends.

Other apps call one function, `queue_email`, inside the transaction that makes the change the
email is about. The message is saved as a row in that transaction (so it exists exactly when the
change does) and a background task delivers it after the commit, retrying with backoff; messages
that keep failing are listed for editors in the admin, who can send them again.

    from portal.outbox import queue_email

    queue_email(
        key=f"placements:request-sent:{placement_request.pk}",
        subject="Request sent",
        body=render_to_string("placements/emails/request_sent.txt", context),
        to=[placement_request.contact_email],
        headers={"List-Unsubscribe": "<https://…/unsubscribe/…>"},
    )

`key` names the message: queuing the same key again returns the first message and sends nothing
more, so a retried request, a task that runs twice or a double-clicked form never emails twice.
Choose a key that is unique to one email about one thing (app, purpose, the row's id, and the
recipient's role where one change emails several people). docs/background-tasks.md explains
delivery, retries and the one case where a message can arrive twice."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import OutgoingEmail


def queue_email(
    *,
    key: str,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
) -> "OutgoingEmail":
    """Save a plain-text email for delivery once the current transaction commits, and return it.

    - `key`: up to 200 characters, unique to this email; the same key again returns the message
      already queued (whatever its other arguments) and queues nothing new.
    - `to`, `reply_to`: addresses; blank ones are dropped, and ValueError if none is left in `to`.
    - `headers`: extra headers such as List-Unsubscribe and List-Unsubscribe-Post.
    - `from_email`: DEFAULT_FROM_EMAIL unless given.
    - `attachments`: (filename, text, mimetype) for small text files, such as an event's .ics.
    Raises ValueError for a line break in the subject or a header (header injection)."""
    from .delivery import queue

    return queue(
        key=key,
        subject=subject,
        body=body,
        to=to,
        reply_to=reply_to or [],
        headers=headers or {},
        from_email=from_email,
        attachments=attachments,
    )


__all__ = ["queue_email"]
