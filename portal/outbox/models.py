"""One row per email the portal sends: what to send, and how delivery is going."""

from django.db import models


class OutgoingEmail(models.Model):
    """An email queued by `portal.outbox.queue_email`. Delivery moves it from queued to sending
    (one worker has claimed it) to sent; a failed attempt puts it back in the queue with a later
    `next_attempt_at`, and the last allowed failure leaves it failed, for an editor to retry."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent: gave up"

    key = models.CharField(max_length=200, unique=True, help_text="Names the email: queued once only.")
    subject = models.CharField(max_length=400)
    body = models.TextField()
    from_email = models.CharField(max_length=254)
    to = models.JSONField(default=list)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # [[content, mimetype], ...]: an HTML version, for mail that comes through Django's mail API.
    alternatives = models.JSONField(default=list, blank=True)
    # [[filename, text, mimetype], ...]: small text files only, such as an event's .ics.
    attachments = models.JSONField(default=list, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When the current attempt began.")
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "outgoing email"
        verbose_name_plural = "outgoing email"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_status_due_idx")]
        permissions = [("retry_outgoingemail", "Can send a failed email again")]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipients(self) -> str:
        return ", ".join(self.to)
