"""Email alerts for a saved search: only the address and the filters are stored."""

import datetime

from django.db import models
from django.http import QueryDict
from django.utils import timezone

from .sources import SOURCES

UNCONFIRMED_HOURS = 48


class Frequency(models.TextChoices):
    DAILY = "daily", "Once a day"
    WEEKLY = "weekly", "Once a week"


class Alert(models.Model):
    """One saved search of one email address. Unconfirmed alerts are deleted after
    UNCONFIRMED_HOURS (`purge_unconfirmed_alerts`); `last_sent_at` marks what was already sent."""

    email = models.EmailField(db_index=True)
    source = models.CharField(max_length=40, choices=[(name, s.title) for name, s in SOURCES.items()])
    filters = models.CharField(max_length=2000, blank=True, help_text="The search's query string.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
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

    def since(self) -> datetime.datetime:
        return self.last_sent_at or self.confirmed_at or self.created_at
