"""Email alerts for a saved search, and reminders the day before an event or open day. Only the
address and what it follows (the filters, or the event) are stored; both are confirmed through a
signed link (links.py) and deleted if not confirmed within UNCONFIRMED_HOURS."""

import datetime
from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.http import QueryDict
from django.utils import timezone

from .sources import SOURCES

if TYPE_CHECKING:
    from .occasions import Occasion

UNCONFIRMED_HOURS = 48


class Frequency(models.TextChoices):
    DAILY = "daily", "Once a day"
    WEEKLY = "weekly", "Once a week"


class Subscription(models.Model):
    """What alerts and reminders share: an address that asked for email and confirmed it (or not
    yet). The class names its signed links' salts and URLs, so one confirm and one unsubscribe
    view serve both (views.py)."""

    # The short name in pages and buttons ("Confirm alert"), and the longer one in subjects.
    noun: ClassVar[str]
    long_noun: ClassVar[str]
    confirm_salt: ClassVar[str]
    unsubscribe_salt: ClassVar[str]
    confirm_url: ClassVar[str]
    unsubscribe_url: ClassVar[str]

    email = models.EmailField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def summary(self) -> str:
        """What was asked for, in one line, for the confirm and unsubscribe pages."""
        raise NotImplementedError


class Alert(Subscription):
    """One saved search of one email address. Unconfirmed alerts are deleted after
    UNCONFIRMED_HOURS (`purge_unconfirmed_alerts`); `last_sent_at` marks what was already sent."""

    noun = "alert"
    long_noun = "email alert"
    confirm_salt = "alerts.confirm"
    unsubscribe_salt = "alerts.unsubscribe"
    confirm_url = "alerts:confirm"
    unsubscribe_url = "alerts:unsubscribe"

    source = models.CharField(max_length=40, choices=[(name, s.title) for name, s in SOURCES.items()])
    filters = models.CharField(max_length=2000, blank=True, help_text="The search's query string.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "source", "filters"], name="alerts_one_per_search")
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.filters or 'everything'}"

    @property
    def params(self) -> QueryDict:
        return QueryDict(self.filters)

    @property
    def listing_url(self) -> str:
        return SOURCES[self.source].url() + (f"?{self.filters}" if self.filters else "")

    def describe(self) -> str:
        """The filters in words, e.g. "benchmark: 6; key stage: KS4"."""
        parts = [f"{key.replace('_', ' ')}: {', '.join(values)}" for key, values in self.params.lists()]
        return "; ".join(parts) or "everything"

    def summary(self) -> str:
        return f"{self.get_source_display()}: {self.describe()}, {self.get_frequency_display().lower()}"

    def since(self) -> datetime.datetime:
        return self.last_sent_at or self.confirmed_at or self.created_at


class Reminder(Subscription):
    """A reminder the day before one event or one post-16 provider's open day, for one email
    address: exactly one of `event` and `open_day` is set. Sent once by `send_event_reminders`
    for the event's date as it is then, and deleted once sent; deleted too once the day has passed
    (sent or not), if not confirmed within UNCONFIRMED_HOURS, and with its event or open day.
    `submission` is the form's one-time token (portal.core.submissions)."""

    noun = "reminder"
    long_noun = "reminder"
    confirm_salt = "reminders.confirm"
    unsubscribe_salt = "reminders.unsubscribe"
    confirm_url = "alerts:confirm_reminder"
    unsubscribe_url = "alerts:unsubscribe_reminder"

    event = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    open_day = models.ForeignKey(
        "directory.OpenDay", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=False, open_day__isnull=True)
                | models.Q(event__isnull=True, open_day__isnull=False),
                name="reminders_one_occasion",
            ),
            models.UniqueConstraint(fields=["email", "event"], name="reminders_one_per_event"),
            models.UniqueConstraint(fields=["email", "open_day"], name="reminders_one_per_open_day"),
        ]

    def __str__(self) -> str:
        return self.summary()

    def occasion(self) -> "Occasion | None":
        """The event or open day as it is now, or None if it is no longer published."""
        from .occasions import of_reminder

        return of_reminder(self)

    def summary(self) -> str:
        occasion = self.occasion()
        return f"{occasion.title}, {occasion.when}" if occasion else "An event that is no longer published"
