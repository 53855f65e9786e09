"""Demo attendance counts go on events that have happened, never on network meetings."""

import pytest
from django.utils import timezone

from demo.loader import load
from events.models import EventAttendance, EventKind

pytestmark = pytest.mark.django_db


def test_demo_counts_only_events_that_have_happened(demo):
    load(demo.home, ("events",))
    records = EventAttendance.objects.select_related("event")
    assert records.exists()
    assert all(record.event.start < timezone.now() for record in records)
    assert not records.filter(event__kind=EventKind.NETWORK_MEETING).exists()
    assert len({record.event_id for record in records}) == records.count()
