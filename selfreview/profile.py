"""Taking a self-review and reading it back: each benchmark's rating, the school's strengths, its
three weakest benchmarks, and for each of those what the portal offers that fits the school's
phase and setting (resources, placements and upcoming events)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from events.dates import Term
from events.models import BENCHMARKS_BY_KIND, EventPage
from placements.models import PlacementPage
from portal.taxonomy.models import School
from portal.taxonomy.vocabulary import BENCHMARKS
from resources.models import ResourcePage

from .models import BenchmarkRating, SelfReview
from .vocabulary import ANSWERS, MET, rate, statements_for

BENCHMARK_NAMES = {b.number: b.name for b in BENCHMARKS}
ANSWER_LABELS = dict(ANSWERS)
WEAKEST = 3
SUGGESTIONS = 4

# The key stages a school of each phase teaches, and the setting its resources are tagged for.
PHASE_KEY_STAGES: dict[str, tuple[str, ...]] = {
    School.Phase.PRIMARY: ("EYFS", "KS1", "KS2"),
    School.Phase.SECONDARY: ("KS3", "KS4", "KS5"),
    School.Phase.ALL_THROUGH: ("EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"),
    School.Phase.SPECIAL: ("EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"),
    School.Phase.ALTERNATIVE: ("KS3", "KS4"),
    School.Phase.POST_16: ("KS5",),
}
PHASE_SETTING: dict[str, str] = {
    School.Phase.SPECIAL: "special",
    School.Phase.ALTERNATIVE: "ap-pru",
    School.Phase.POST_16: "college",
}
# Placements are experiences of workplaces (Benchmark 6).
PLACEMENT_BENCHMARKS = frozenset({6})


@transaction.atomic
def record(
    school: School, user: Any, answers: dict[str, str], now: datetime.datetime | None = None
) -> SelfReview:
    """Save this term's review for the school (replacing an earlier one this term) with its
    benchmark ratings."""
    now = now or timezone.now()
    term = Term.of(now)
    review, _ = SelfReview.objects.update_or_create(
        school=school,
        academic_year=term.year.start_year,
        term=term.name,
        defaults={"answers": answers, "completed_by": user, "completed_at": now},
    )
    review.ratings.all().delete()
    ratings = []
    for benchmark in BENCHMARK_NAMES:
        rating, score = rate([answers[s.code] for s in statements_for(benchmark)])
        ratings.append(BenchmarkRating(review=review, benchmark=benchmark, rating=rating, score=score))
    BenchmarkRating.objects.bulk_create(ratings)
    return review


@dataclass
class Suggestions:
    resources: list[ResourcePage] = field(default_factory=list)
    placements: list[PlacementPage] = field(default_factory=list)
    events: list[EventPage] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.resources or self.placements or self.events)


@dataclass
class BenchmarkResult:
    number: int
    name: str
    rating: str
    score: int
    previous_score: int | None = None
    answers: list[tuple[str, str]] = field(default_factory=list)
    suggestions: Suggestions | None = None

    @property
    def rating_label(self) -> str:
        return ANSWER_LABELS[self.rating]

    @property
    def change(self) -> int | None:
        return None if self.previous_score is None else self.score - self.previous_score


@dataclass
class Profile:
    review: SelfReview
    previous: SelfReview | None
    results: list[BenchmarkResult]

    @property
    def strengths(self) -> list[BenchmarkResult]:
        return [r for r in self.results if r.rating == MET]

    @property
    def weakest(self) -> list[BenchmarkResult]:
        """The three lowest-scoring benchmarks not yet met (lowest number first on a tie)."""
        open_ = [r for r in self.results if r.rating != MET]
        return sorted(open_, key=lambda r: (r.score, r.number))[:WEAKEST]


def previous_review(review: SelfReview) -> SelfReview | None:
    earlier = SelfReview.objects.filter(school_id=review.school_id).exclude(pk=review.pk)
    return max(
        (r for r in earlier.prefetch_related("ratings") if r.term_of < review.term_of),
        key=lambda r: r.term_of,
        default=None,
    )


def build_profile(review: SelfReview, now: datetime.datetime | None = None) -> Profile:
    previous = previous_review(review)
    before = previous.ratings_by_benchmark() if previous else {}
    results = []
    for number, rating in review.ratings_by_benchmark().items():
        answers = [
            (s.text, ANSWER_LABELS.get(review.answers.get(s.code, ""), "Not answered"))
            for s in statements_for(number)
        ]
        earlier = before.get(number)
        results.append(
            BenchmarkResult(
                number,
                BENCHMARK_NAMES[number],
                rating.rating,
                rating.score,
                earlier.score if earlier else None,
                answers,
            )
        )
    profile = Profile(review, previous, results)
    for result in profile.weakest:
        result.suggestions = suggestions(result.number, review.school, now)
    return profile


def suggestions(benchmark: int, school: School, now: datetime.datetime | None = None) -> Suggestions:
    """What the portal offers for one benchmark that suits the school's key stages and setting:
    live resources, placements (Benchmark 6 only) and events still to come."""
    key_stages = PHASE_KEY_STAGES.get(school.phase, ())
    setting = PHASE_SETTING.get(school.phase, "mainstream")
    resources = _suited(
        ResourcePage.objects.live().public().filter(benchmarks__number=benchmark), key_stages, setting
    ).order_by("-last_reviewed", "title")
    found = Suggestions(resources=list(resources[:SUGGESTIONS]))
    if benchmark in PLACEMENT_BENCHMARKS:
        placements = (
            PlacementPage.objects.live()
            .public()
            .filter(key_stages__code__in=key_stages, settings__code=setting)
        )
        found.placements = list(placements.distinct().order_by("title")[:SUGGESTIONS])
    kinds = [kind for kind, numbers in BENCHMARKS_BY_KIND.items() if benchmark in numbers]
    events = (
        EventPage.objects.live()
        .public()
        .filter(kind__in=kinds, is_cancelled=False, end__gte=now or timezone.now())
    )
    found.events = list(events.order_by("start")[:SUGGESTIONS])
    return found


def _suited(pages: QuerySet, key_stages: tuple[str, ...], setting: str) -> QuerySet:
    """Pages for one of the key stages (or for every key stage: none tagged) and for the setting
    (or for every setting)."""
    return (
        pages.filter(Q(key_stages__code__in=key_stages) | Q(key_stages=None))
        .filter(Q(settings__code=setting) | Q(settings=None))
        .distinct()
    )


def history(school: School) -> list[tuple[SelfReview, dict[int, Any]]]:
    """The school's reviews, newest term first, each with its ratings by benchmark."""
    reviews = sorted(
        SelfReview.objects.filter(school=school).prefetch_related("ratings"),
        key=lambda r: r.term_of,
        reverse=True,
    )
    return [(review, review.ratings_by_benchmark()) for review in reviews]
