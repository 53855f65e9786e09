"""`/shortlist/...`: a shortlist's page, the add and remove buttons (plain GET forms: a change
only makes a new link, it stores nothing) and the printable pack."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.core.stored_builds import not_ready, send_pdf

from . import lists
from .packs import Pack

COOKIE = "shortlist"
# A pack takes the worker well under a second once it picks the task up.
RETRY_AFTER_SECONDS = 10


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
    """The shortlist as a printable PDF, sent from the stored build for the current content. With
    none yet, its build is queued and the answer is a quick 503 page with a link to try again and
    one to the list on the web: nobody waits for a render (docs/alerts-feeds-shortlists.md)."""
    wanted = Pack.current(_ids(token))
    if not wanted.stored():
        wanted.schedule()  # with the immediate backend (development, tests) it is built now
    if not wanted.stored():
        context = {"token": token, "retry_url": request.get_full_path()}
        return not_ready(request, "shortlists/pack_not_ready.html", context, RETRY_AFTER_SECONDS)
    return send_pdf(wanted.name, "careers-shortlist.pdf", attachment=True)


@require_GET
def empty(request: HttpRequest) -> HttpResponse:
    return show(request, lists.dumps([]))
