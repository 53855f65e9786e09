"""A school's careers self-review: one per school per term, taken by the school's careers leader.
The answers to each statement are kept with the review; each benchmark's rating is stored beside
them so the council's network view counts ratings without reading every answer."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from events.dates import TERM_NAMES, AcademicYear, Term
from portal.taxonomy.models import School

from .vocabulary import ANSWERS


class CareersLeader(models.Model):
    """The account that takes a school's self-review. Editors link an account to its school; the
    account must also be in the Careers leaders role (publishing.roles)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="careers_leader"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="careers_leaders")

    class Meta:
        verbose_name = "careers leader"
        ordering = ["school__name"]
        permissions = [("take_self_review", "Can take the school's careers self-review")]

    def __str__(self) -> str:
        return f"Careers leader at {self.school}"


class SelfReview(models.Model):
    """A school's ratings against the 8 benchmarks in one term. Taking it again in the same term
    replaces the term's answers; each new term adds a review, which is how change shows."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="self_reviews")
    academic_year = models.PositiveSmallIntegerField(help_text="The year the academic year starts in.")
    term = models.CharField(max_length=6, choices=[(name, name.capitalize()) for name in TERM_NAMES])
    answers = models.JSONField(default=dict, help_text="Statement code to answer.")
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-academic_year", "-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "academic_year", "term"], name="one_review_per_school_term"
            )
        ]

    def __str__(self) -> str:
        return f"{self.school} self-review, {self.term_of.label}"

    @property
    def term_of(self) -> Term:
        return Term(AcademicYear(self.academic_year), TERM_NAMES.index(self.term))

    @classmethod
    def in_term(cls, term: Term) -> models.QuerySet["SelfReview"]:
        return cls.objects.filter(academic_year=term.year.start_year, term=term.name)

    def ratings_by_benchmark(self) -> dict[int, Any]:
        return {rating.benchmark: rating for rating in self.ratings.all()}


class BenchmarkRating(models.Model):
    """One benchmark's rating in a review, derived from its statements (selfreview.vocabulary.rate)."""

    review = models.ForeignKey(SelfReview, on_delete=models.CASCADE, related_name="ratings")
    benchmark = models.PositiveSmallIntegerField()
    rating = models.CharField(max_length=8, choices=ANSWERS)
    score = models.PositiveSmallIntegerField(help_text="0 to 100: met counts 2, partly 1, not yet 0.")

    class Meta:
        ordering = ["benchmark"]
        constraints = [
            models.UniqueConstraint(fields=["review", "benchmark"], name="one_rating_per_benchmark"),
        ]

    def __str__(self) -> str:
        return f"Benchmark {self.benchmark}: {self.get_rating_display()}"
