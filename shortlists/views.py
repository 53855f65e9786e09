"""`/shortlist/...`: a shortlist's page, the add and remove buttons (plain GET forms: a change
only makes a new link, it stores nothing) and the printable pack."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET
from weasyprint import HTML, URLFetcher

from . import lists

COOKIE = "shortlist"


def _ids(token: str) -> list[int]:
    ids = lists.loads(token)
    if ids is None:
        raise Http404("This shortlist link is not complete.")
    return ids


def _number(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


@require_GET
def change(request: HttpRequest) -> HttpResponse:
    """Add or remove one page, then show the shortlist at its new link. The list comes from the
    `list` parameter, else from the last shortlist this browser showed (a cookie holding its link)."""
    token = request.GET.get("list") or request.COOKIES.get(COOKIE, "")
    ids = (lists.loads(token) or []) if token else []
    if (add := _number(request.GET.get("add", ""))) is not None and add not in ids:
        if len(ids) >= lists.MAX_ITEMS:
            return render(
                request, "shortlists/full.html", {"token": token, "max": lists.MAX_ITEMS}, status=400
            )
        if not lists.entries([add]):
            raise Http404("That page cannot be shortlisted.")
        ids = [*ids, add]
    if (remove := _number(request.GET.get("remove", ""))) is not None:
        ids = [pk for pk in ids if pk != remove]
    return redirect("shortlists:show", token=lists.dumps(ids))


@require_GET
def show(request: HttpRequest, token: str) -> HttpResponse:
    entries = lists.entries(_ids(token))
    share = request.build_absolute_uri(reverse("shortlists:show", args=[token]))
    response = render(
        request, "shortlists/show.html", {"entries": entries, "token": token, "share_url": share}
    )
    response.set_cookie(
        COOKIE, token, max_age=90 * 24 * 3600, httponly=True, samesite="Lax", secure=request.is_secure()
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def pack(request: HttpRequest, token: str) -> HttpResponse:
    """The shortlist as a printable PDF, built on request: at most 30 short entries and no images,
    so it takes well under a second (docs/shortlists.md)."""
    entries = lists.entries(_ids(token))
    html = render_to_string(
        "shortlists/pack.html",
        {"entries": entries, "base_url": request.build_absolute_uri("/").rstrip("/")},
        request=request,
    )
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_tags=True)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="careers-shortlist.pdf"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def empty(request: HttpRequest) -> HttpResponse:
    return show(request, lists.dumps([]))
