"""The demo feedback loads twice without duplicates, on a placement that has ended."""

import pytest
from django.utils import timezone

from feedback import demo
from feedback.links import request_for, token
from feedback.models import Feedback
from feedback.vocabulary import SCHOOL
from placements import demo as placements_demo
from portal.home import demo as home_demo

pytestmark = pytest.mark.django_db


def test_demo_feedback_loads_twice_on_an_ended_placement(home):
    home_demo.load(home)
    placements_demo.load(home)
    demo.load(home)
    demo.load(home)
    assert Feedback.objects.count() == 1 + len(demo.YOUNG_PEOPLE_ANSWERS)
    placement_request = Feedback.objects.first().placement_request
    assert placement_request.window.end_date < timezone.localdate()
    assert request_for(token(placement_request, SCHOOL), SCHOOL) == placement_request
