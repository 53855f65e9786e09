"""Feedback after a placement or encounter: what the school says, and what each young person says,
about whether it met the "meaningful" criteria. No names: a response holds its answers, an optional
comment, the day it was given and which request it is about, nothing about who gave it."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from placements.models import PlacementRequest

from .vocabulary import RESPONDENTS, SCHOOL

COMMENT_MAX = 1000


def today():
    return timezone.localdate()


class Feedback(models.Model):
    """One response. A school answers once per request; young people answer once each, up to the
    number of places the request was for."""

    placement_request = models.ForeignKey(PlacementRequest, on_delete=models.CASCADE, related_name="feedback")
    respondent = models.CharField(max_length=12, choices=RESPONDENTS)
    benchmark = models.PositiveSmallIntegerField(help_text="5 for an encounter, 6 for a placement.")
    answers = models.JSONField(default=dict, help_text="Criterion code to yes, no or not sure.")
    comment = models.TextField(blank=True, max_length=COMMENT_MAX)
    given_on = models.DateField(default=today, help_text="The day only, not the time.")
    # The form's one-time token (portal.core.submissions): sending the same form twice counts once.
    submission = models.UUIDField(null=True, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "feedback"
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement_request"],
                condition=Q(respondent=SCHOOL),
                name="one_school_feedback_per_request",
            )
        ]

    def __str__(self) -> str:
        return (
            f"Feedback from a {self.get_respondent_display().lower()} on {self.placement_request.reference}"
        )
