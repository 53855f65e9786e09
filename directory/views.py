"""The booklet PDF at /support-for-schools/booklet.pdf (a Django URL: Wagtail's page routes all end
in a slash, and the booklet's address is published in schools' newsletters, so it is fixed)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.core.stored_builds import not_ready, send_pdf

from . import booklet as booklets
from .booklet import UnknownPhase, parse_phase
from .models import Phase, SupportIndexPage

# A first build of the full booklet takes a few seconds in the worker.
RETRY_AFTER_SECONDS = 30


@require_safe
def booklet(request: HttpRequest) -> HttpResponse:
    """The booklet for every phase, or `?phase=primary` for one. An unknown phase is a 400 page
    that lists the phases, rather than a silently different booklet.

    Sent from the latest stored build; when that is out of date a new one is queued and this one
    is sent meanwhile. With no build at all yet, a 503 page that asks to come back shortly and
    links to the web version: nobody waits seconds for a PDF."""
    index = SupportIndexPage.objects.live().public().first()
    if index is None:
        raise Http404("The services for schools section is not published.")
    try:
        phase_code = parse_phase(request.GET.get("phase"))
    except UnknownPhase as error:
        return render(
            request,
            "directory/booklet_bad_phase.html",
            {"asked_for": str(error), "phases": Phase.objects.all(), "index": index},
            status=400,
        )
    build = booklets.latest(phase_code)
    if build is None or not build.current:
        booklets.schedule([phase_code])  # with the immediate backend (development) it is built now
        build = booklets.latest(phase_code) or build
    if build is None:
        return not_ready(request, "directory/booklet_not_ready.html", {"index": index}, RETRY_AFTER_SECONDS)
    filename = f"stockton-support-for-schools{'-' + phase_code if phase_code else ''}.pdf"
    return send_pdf(build.name, filename, attachment=False)
