"""The demo feedback loads twice without duplicates, on a placement that has ended."""

import pytest
from django.utils import timezone

from demo.loader import load, read
from feedback.links import request_for, token
from feedback.models import Feedback
from feedback.vocabulary import SCHOOL

pytestmark = pytest.mark.django_db


def test_demo_feedback_loads_twice_on_an_ended_placement(demo):
    load(demo.home, ("feedback",))
    assert Feedback.objects.count() == len(read("feedback")["past_placement"][0]["feedback"])
    placement_request = Feedback.objects.first().placement_request
    assert placement_request.window.end_date < timezone.localdate()
    assert request_for(token(placement_request, SCHOOL), SCHOOL) == placement_request
