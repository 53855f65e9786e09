"""Careers leaders and their reviews."""

import datetime
from typing import Any

from django.utils import timezone

from events.dates import Term
from portal.taxonomy.models import School
from selfreview import profile
from selfreview.models import CareersLeader, SelfReview
from selfreview.vocabulary import MET, NOT_YET, PARTLY, STATEMENTS
from tests.publishing.factories import user


def school(name: str, urn: str, phase: str = School.Phase.SECONDARY) -> School:
    return School.objects.get_or_create(
        urn=urn, defaults={"name": name, "phase": phase, "kind": School.Kind.ACADEMY}
    )[0]


def careers_leader(at: School, username: str | None = None) -> Any:
    person = user(username)
    CareersLeader.objects.create(user=person, school=at)
    return person


def answers(met: set[int] = frozenset(), not_yet: set[int] = frozenset()) -> dict[str, str]:
    """Every statement of the `met` benchmarks met, of `not_yet` not yet, the rest partly."""

    def answer(benchmark: int) -> str:
        return MET if benchmark in met else NOT_YET if benchmark in not_yet else PARTLY

    return {s.code: answer(s.benchmark) for s in STATEMENTS}


def review_in(term: Term, at: School, **kwargs: Any) -> SelfReview:
    """A review recorded in the middle of `term`."""
    moment = timezone.make_aware(datetime.datetime.combine(term.first_day, datetime.time(12)))
    return profile.record(at, None, answers(**kwargs), now=moment + datetime.timedelta(days=20))


def this_term() -> Term:
    return Term.of(timezone.now())
