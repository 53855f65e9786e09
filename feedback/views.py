"""The public feedback forms. The school's form is reached from the link emailed to whoever asked
for the places; the young people's form from a link and QR code the school hands out. Both are
rate limited, store no names and answer a bad link with a clear 400 page."""

from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from placements.models import PlacementRequest
from portal.core.submissions import token_in

from .forms import FeedbackForm
from .links import LinkProblem, request_for, token
from .models import Feedback
from .qr import QR_KINDS, qr_code
from .vocabulary import QUESTIONS, SCHOOL, YOUNG_PERSON, benchmark_for


def _problem(request: HttpRequest, problem: LinkProblem) -> HttpResponse:
    return render(request, "feedback/link_problem.html", {"problem": str(problem)}, status=400)


def young_people_url(request: HttpRequest, placement_request: PlacementRequest) -> str:
    return request.build_absolute_uri(
        reverse("feedback:young_people", args=[token(placement_request, YOUNG_PERSON)])
    )


def _form_page(request: HttpRequest, value: str, respondent: str) -> HttpResponse:
    try:
        placement_request = request_for(value, respondent)
    except LinkProblem as problem:
        return _problem(request, problem)
    benchmark = benchmark_for(placement_request)
    questions = QUESTIONS[benchmark]
    existing = placement_request.feedback.filter(respondent=respondent)
    full = existing.count() >= (1 if respondent == SCHOOL else placement_request.young_people)
    form = FeedbackForm(questions, respondent, request.POST if request.method == "POST" else None)
    thanks = reverse("feedback:thanks") + ("?from=school&link=" + value if respondent == SCHOOL else "")
    submission = token_in(request.POST) if request.method == "POST" else None
    if submission and existing.filter(submission=submission).exists():
        return redirect(thanks)  # the same form sent again: it was counted the first time
    if request.method == "POST" and not full and form.is_valid():
        try:
            with transaction.atomic():
                Feedback.objects.create(
                    placement_request=placement_request,
                    respondent=respondent,
                    benchmark=benchmark,
                    answers=form.answers(),
                    comment=form.cleaned_data["comment"].strip(),
                    submission=submission,
                )
        except IntegrityError:  # sent twice at the same moment: the school's once, or the same form
            pass
        return redirect(thanks)
    context: dict[str, Any] = {
        "form": form,
        "respondent": respondent,
        "placement_request": placement_request,
        "full": full,
        "token": value,
    }
    if respondent == SCHOOL:
        context["young_people_url"] = young_people_url(request, placement_request)
        context["young_people_token"] = token(placement_request, YOUNG_PERSON)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "feedback/form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="20/m", method="POST", block=True)
def school_feedback(request: HttpRequest, value: str) -> HttpResponse:
    return _form_page(request, value, SCHOOL)


@never_cache
@require_http_methods(["GET", "POST"])
# A class may answer together from one school network, so the limit per address is generous;
# the number of answers per request is capped at its number of places.
@ratelimit(key="ip", rate="60/m", method="POST", block=True)
def young_people_feedback(request: HttpRequest, value: str) -> HttpResponse:
    return _form_page(request, value, YOUNG_PERSON)


@never_cache
@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    """After the school's answer, the young people's link and QR code to hand out."""
    context: dict[str, Any] = {}
    if request.GET.get("from") == SCHOOL:
        try:
            placement_request = request_for(request.GET.get("link", ""), SCHOOL)
        except LinkProblem:
            placement_request = None
        if placement_request is not None:
            context["young_people_url"] = young_people_url(request, placement_request)
            context["young_people_token"] = token(placement_request, YOUNG_PERSON)
    return render(request, "feedback/thanks.html", context)


@require_GET
@ratelimit(key="ip", rate="60/m", method="GET", block=True)
def young_people_qr(request: HttpRequest, value: str, kind: str) -> HttpResponse:
    if kind not in QR_KINDS:
        raise Http404("No such image type.")
    try:
        placement_request = request_for(value, YOUNG_PERSON)
    except LinkProblem as problem:
        return _problem(request, problem)
    response = HttpResponse(
        qr_code(young_people_url(request, placement_request), kind), content_type=QR_KINDS[kind]
    )
    if request.GET.get("download"):
        response["Content-Disposition"] = (
            f'attachment; filename="feedback-{placement_request.reference}.{kind}"'
        )
    response["Cache-Control"] = "private, max-age=3600"
    return response
