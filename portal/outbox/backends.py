"""Django's EMAIL_BACKEND in every environment: mail sent through Django's mail API by code that
is not the portal's own (Wagtail's moderation notices, the admin's password reset) goes into the
outbox too, so it is delivered by a task, retried, and never holds up the editor's request. The
backend that really sends is OUTBOX_EMAIL_BACKEND (SMTP in production)."""

import uuid
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from .delivery import queue

        for message in email_messages:
            if message.cc or message.bcc or message.attachments:
                raise ValueError("The outbox sends to To: addresses only, without attachments.")
            queue(
                key=f"mail-api:{uuid.uuid4()}",
                subject=str(message.subject),
                body=str(message.body),
                to=list(message.to),
                reply_to=list(message.reply_to),
                headers={k: str(v) for k, v in message.extra_headers.items()},
                from_email=message.from_email,
                alternatives=[(str(content), mimetype) for content, mimetype in _alternatives(message)],
            )
        return len(email_messages)


def _alternatives(message: EmailMessage) -> list[tuple[str, str]]:
    return list(getattr(message, "alternatives", None) or [])
