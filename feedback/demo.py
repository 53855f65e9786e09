"""Demo feedback: an enterprise insight day that Kingfisher Academy's Year 10 took three weeks
ago (a past window, since withdrawn from the listing, with its accepted request) and the
feedback the school and four of its six young people gave. Dates are relative to today."""

import datetime
import uuid
from typing import Any

from django.utils import timezone

from placements.models import PlacementPage, PlacementRequest, RequestStatus, WindowCapacity
from portal.taxonomy.models import School, Setting

from .models import Feedback
from .vocabulary import NO, NOT_SURE, QUESTIONS, SCHOOL, YES, YOUNG_PERSON

PLACEMENT_SLUG = "enterprise-insight-day"
# A fixed key, so loading the demo again finds the same past window.
WINDOW_KEY = uuid.UUID("6f1b5a52-0000-4000-8000-00000000f00d")
YOUNG_PEOPLE_ANSWERS = (
    {"b6-feedback": YES, "b6-reflection": YES},
    {"b6-feedback": NO, "b6-reflection": YES},
    {"b6-feedback": YES, "b6-reflection": NOT_SURE},
    {"b6-feedback": NO, "b6-reflection": NO},
)
COMMENTS = ("The team were welcoming and set a real brief.", "", "I liked presenting my idea.", "")


def answers(changes: dict[str, str]) -> dict[str, str]:
    return {**{q.criterion: YES for q in QUESTIONS[6]}, **changes}


def past_request(page: PlacementPage, school: School) -> PlacementRequest:
    end = timezone.localdate() - datetime.timedelta(days=21)
    window, _ = WindowCapacity.objects.update_or_create(
        key=WINDOW_KEY,
        defaults={
            "page": page,
            "placement_title": page.title,
            "start_date": end,
            "end_date": end,
            "days_and_hours": "Wednesday, 9:30am to 2:30pm",
            "places": 6,
            "places_taken": 6,
            "withdrawn": True,
        },
    )
    request = window.requests.first()
    if request is None:
        request = PlacementRequest.objects.create(
            window=window,
            team=page.host_team,
            setting=Setting.objects.get(code="mainstream"),
            school=school,
            contact_name="Careers Leader",
            contact_email="careers.leader@kingfisher.example.org",
            young_people=6,
            year_groups=["Y10"],
            status=RequestStatus.ACCEPTED,
        )
    return request


def load(home: Any) -> None:
    page = PlacementPage.objects.filter(slug=PLACEMENT_SLUG).first()
    school = School.objects.filter(urn="900101").first()
    if page is None or page.host_team is None or school is None:
        return
    request = past_request(page, school)
    if request.feedback.exists():
        return
    Feedback.objects.create(
        placement_request=request,
        respondent=SCHOOL,
        benchmark=6,
        answers=answers({"b6-reflection": NOT_SURE}),
        comment="Well organised; we will book again next year.",
    )
    for changes, comment in zip(YOUNG_PEOPLE_ANSWERS, COMMENTS, strict=True):
        Feedback.objects.create(
            placement_request=request,
            respondent=YOUNG_PERSON,
            benchmark=6,
            answers=answers(changes),
            comment=comment,
        )
