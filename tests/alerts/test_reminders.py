import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from alerts.reminders import remind_confirmations, remind_waiting_requests, working_days_before
from placements.models import PlacementPage, PlacementRequest
from portal.outbox.models import OutgoingEmail
from tests.placements import factories

pytestmark = pytest.mark.django_db


def test_working_days_skip_weekends():
    friday = datetime.date(2031, 3, 7)
    assert working_days_before(friday, 5) == datetime.date(2031, 2, 28)
    monday = datetime.date(2031, 3, 10)
    assert working_days_before(monday, 5) == datetime.date(2031, 3, 3)


def test_listing_due_for_confirmation_reminds_its_team_once_per_cycle(home):
    page = factories.placement(factories.host_team(home))
    today = page.last_confirmed
    assert remind_confirmations(today) == 0
    later = today + datetime.timedelta(days=settings.PLACEMENT_CONFIRM_EVERY_DAYS + 1)
    assert remind_confirmations(later) == 1
    remind_confirmations(later)
    [email] = OutgoingEmail.objects.filter(key__startswith="reminders:confirm-listing:")
    assert page.title in email.subject


def test_request_waiting_five_working_days_reminds_the_team_once(home):
    page = factories.placement(factories.host_team(home))
    request = factories.placement_request(factories.capacity(page))
    arrived = timezone.now()
    PlacementRequest.objects.filter(pk=request.pk).update(created_at=arrived)
    assert remind_waiting_requests(arrived + datetime.timedelta(days=3)) == 0
    assert remind_waiting_requests(arrived + datetime.timedelta(days=8)) == 1
    remind_waiting_requests(arrived + datetime.timedelta(days=9))
    assert OutgoingEmail.objects.filter(key=f"reminders:request-waiting:{request.pk}").count() == 1
    assert PlacementPage.objects.count() == 1
