"""The resource bank's own choices: what kind of resource it is and how long it takes. Kept apart
from the models so that the filters (resources/filters.py) and the search can name them without
importing the pages; migrations hold their own frozen copies."""

from django.db import models


class ResourceKind(models.TextChoices):
    LESSON_PLAN = "lesson-plan", "Lesson plan"
    ACTIVITY = "activity", "Activity"
    TOOLKIT = "toolkit", "Toolkit"
    GUIDANCE = "guidance", "Guidance"
    CASE_STUDY = "case-study", "Good-practice case study"


class TimeNeeded(models.TextChoices):
    UNDER_AN_HOUR = "under-an-hour", "Under an hour"
    ONE_LESSON = "one-lesson", "One lesson"
    SERIES = "series", "A series of lessons"
    HALF_DAY = "half-day", "Half a day"
    DAY_OR_MORE = "day-or-more", "A day or more"
    ONGOING = "ongoing", "Ongoing, across the year"
