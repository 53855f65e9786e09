"""The booklet PDF at /support-for-schools/booklet.pdf (a Django URL: Wagtail's page routes all end
in a slash, and the booklet's address is published in schools' newsletters, so it is fixed)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .booklet import UnknownPhase, booklet_pdf, parse_phase
from .models import Phase, SupportIndexPage


@require_safe
def booklet(request: HttpRequest) -> HttpResponse:
    """The booklet for every phase, or `?phase=primary` for one. An unknown phase is a 400 page
    that lists the phases, rather than a silently different booklet."""
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
    pdf = booklet_pdf(index, phase_code, index.get_full_url(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"stockton-support-for-schools{'-' + phase_code if phase_code else ''}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
