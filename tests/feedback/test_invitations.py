"""When a placement ends, whoever asked for the places is emailed the feedback links once,
through the outbox, by the daily command."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.invitations import ASK_WITHIN_DAYS, due
from feedback.links import token
from feedback.models import Feedback
from feedback.vocabulary import SCHOOL, YOUNG_PERSON
from placements.models import PlacementRequest
from portal.outbox.models import OutgoingEmail
from tests.tasks import run_tasks

from .factories import ended_request

pytestmark = pytest.mark.django_db


def test_the_daily_command_asks_once_with_both_links(home):
    ended = ended_request(home, days_ago=1)
    call_command("send_feedback_requests")
    call_command("send_feedback_requests")
    email = OutgoingEmail.objects.get(key__startswith="feedback:")  # the request's own emails aside
    assert email.to == [ended.contact_email]
    assert token(ended, SCHOOL) in email.body and token(ended, YOUNG_PERSON) in email.body
    assert ended.contact_name not in email.subject
    run_tasks()
    assert [sent.to for sent in mail.outbox if sent.subject == email.subject] == [[ended.contact_email]]


def test_only_ended_accepted_requests_with_an_address_and_no_answer_are_due(home):
    ended = ended_request(home, days_ago=0, slug="highways")
    long_ago = ended_request(home, days_ago=ASK_WITHIN_DAYS + 1, slug="libraries")
    answered = ended_request(home, days_ago=3, slug="parks")
    Feedback.objects.create(placement_request=answered, respondent=SCHOOL, benchmark=6, answers={})
    purged = ended_request(home, days_ago=3, slug="museums")
    PlacementRequest.objects.filter(pk=purged.pk).update(contact_email="")
    later = timezone.localdate() + datetime.timedelta(days=1)
    assert list(due()) == [ended]
    assert long_ago not in due(later)
