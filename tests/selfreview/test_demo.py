"""The demo reviews load twice without duplicates and link the demo careers leader to a school."""

import pytest

from demo.loader import load, read
from selfreview.models import CareersLeader, SelfReview

from .factories import this_term

pytestmark = pytest.mark.django_db


def test_demo_reviews_load_twice_without_duplicates(demo):
    load(demo.home, ("selfreview",))
    expected = sum(1 + ("this_term" in review) for review in read("selfreview")["self_review"])
    assert SelfReview.objects.count() == expected
    leader = CareersLeader.objects.get()
    assert leader.user.has_perm("selfreview.take_self_review")
    assert not SelfReview.in_term(this_term()).filter(school=leader.school).exists()
