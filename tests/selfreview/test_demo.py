"""The demo reviews load twice without duplicates and link the demo careers leader to a school."""

import pytest

from portal.home import demo as home_demo
from publishing import demo as publishing_demo
from selfreview import demo
from selfreview.models import CareersLeader, SelfReview

from .factories import this_term

pytestmark = pytest.mark.django_db


def test_demo_reviews_load_twice_without_duplicates(home):
    home_demo.load(home)
    publishing_demo.load(home)
    demo.load(home)
    demo.load(home)
    expected = sum(1 + bool(latest) for _, latest in demo.PATTERNS.values())
    assert SelfReview.objects.count() == expected
    leader = CareersLeader.objects.get()
    assert leader.user.has_perm("selfreview.take_self_review")
    assert not SelfReview.in_term(this_term()).filter(school=leader.school).exists()
