"""The careers leader's pages at /self-review/: their school's reviews, the form for this term,
and each review's profile. Signed-out visitors are sent to sign in; a signed-in account that is
not a school's careers leader is told so; a review of another school is not found."""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.dates import Term
from portal.taxonomy.vocabulary import BENCHMARKS

from . import profile
from .forms import SelfReviewForm
from .models import CareersLeader, SelfReview

PERMISSION = "selfreview.take_self_review"


def careers_leader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pass the school of the signed-in careers leader to the view."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        leader = CareersLeader.objects.select_related("school").filter(user=request.user).first()
        if leader is None or not request.user.has_perm(PERMISSION):
            return render(request, "selfreview/not_a_careers_leader.html", status=403)
        return view(request, leader.school, *args, **kwargs)

    return never_cache(wrapped)


@careers_leader_required
def overview(request: HttpRequest, school: Any) -> HttpResponse:
    reviews = profile.history(school)
    term = Term.of(timezone.now())
    context = {
        "school": school,
        "reviews": reviews,
        "benchmarks": BENCHMARKS,
        "term": term,
        "taken_this_term": any(review.term_of == term for review, _ in reviews),
    }
    return render(request, "selfreview/overview.html", context)


@careers_leader_required
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, school: Any) -> HttpResponse:
    """This term's review; retaking it this term starts from the answers already given."""
    term = Term.of(timezone.now())
    existing = SelfReview.in_term(term).filter(school=school).first()
    if request.method == "POST":
        form = SelfReviewForm(request.POST)
        if form.is_valid():
            review = profile.record(school, request.user, form.answers())
            return redirect("selfreview:profile", pk=review.pk)
    else:
        form = SelfReviewForm(initial=SelfReviewForm.initial_from(existing.answers) if existing else None)
    benchmarks = {b.number: b for b in BENCHMARKS}
    sections = [(benchmarks[number], fields) for number, fields in form.sections()]
    context = {"school": school, "form": form, "sections": sections, "term": term, "existing": existing}
    return render(request, "selfreview/take.html", context)


@careers_leader_required
def review_profile(request: HttpRequest, school: Any, pk: int) -> HttpResponse:
    review = get_object_or_404(SelfReview.objects.prefetch_related("ratings"), pk=pk)
    if review.school_id != school.pk:  # the same answer as a review that does not exist
        raise Http404("No such review.")
    context = {"school": school, "profile": profile.build_profile(review)}
    return render(request, "selfreview/profile.html", context)
