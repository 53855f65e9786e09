"""Public alert pages: the sign-up form, the confirm, unsubscribe and manage links, and the
listings' Atom feeds. No account and no session: every link is signed (links.py)."""

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit
from wagtail import views as wagtail_views

from . import links
from .emails import queue_confirmation, queue_manage_link
from .feeds import ListingFeed
from .forms import AlertForm
from .models import UNCONFIRMED_HOURS, Alert
from .sources import SOURCES, filters_of, query_string


def listing_feed(request: HttpRequest, path: str) -> HttpResponse:
    """`<listing>/feed/`: the Atom feed of the listing at `path`; any other page's `feed/` child
    is Wagtail's to serve."""
    for source in SOURCES.values():
        page = source.index_page()
        if page is not None and page.url == f"/{path}":
            return ListingFeed(source)(request)
    return wagtail_views.serve(request, f"{path}feed/")


def search_feed(request: HttpRequest) -> HttpResponse:
    return ListingFeed(SOURCES["search"])(request)


def _source(request: HttpRequest):
    source = SOURCES.get(request.GET.get("source", "") or request.POST.get("source", ""))
    if source is None:
        raise Http404("No such listing to follow.")
    return source


@never_cache  # personal: never kept by the page cache or a proxy
@ratelimit(key="ip", rate="10/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def new_alert(request: HttpRequest) -> HttpResponse:
    """`/alerts/new/?source=resources&benchmark=6`: an email address and how often."""
    source = _source(request)
    params = filters_of(request.GET)
    params.pop("source", None)
    filters = query_string(params)
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        try:
            with transaction.atomic():
                alert, created = Alert.objects.get_or_create(
                    email=email,
                    source=source.name,
                    filters=filters,
                    defaults={"frequency": form.cleaned_data["frequency"]},
                )
                if not alert.confirmed_at:
                    queue_confirmation(alert)
        except IntegrityError:
            pass  # the same search saved twice at once: the first one's email stands
        # The same page whether or not the address already had this alert: nobody can learn who signed up.
        return render(request, "alerts/check_email.html", {"email": email, "hours": UNCONFIRMED_HOURS})
    status = 400 if form.errors else 200
    alert = Alert(source=source.name, filters=filters)
    return render(
        request,
        "alerts/new.html",
        {"form": form, "source": source, "alert": alert, "hours": UNCONFIRMED_HOURS},
        status=status,
    )


def _alert_from(token: str, salt: str) -> Alert | None:
    pk = links.read(token, salt)
    return Alert.objects.filter(pk=pk).first() if isinstance(pk, int) else None


@never_cache  # personal: never kept by the page cache or a proxy
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A link a mail scanner may open, so GET only shows a button; the POST confirms."""
    alert = _alert_from(token, links.CONFIRM)
    if alert is None:
        return render(request, "alerts/link_expired.html", {"hours": UNCONFIRMED_HOURS}, status=404)
    if request.method == "POST":
        if alert.confirmed_at is None:
            Alert.objects.filter(pk=alert.pk, confirmed_at=None).update(confirmed_at=timezone.now())
        return redirect(
            reverse("alerts:manage", args=[links.token(alert.email, links.MANAGE)]) + "?confirmed=1"
        )
    return render(request, "alerts/confirm.html", {"alert": alert})


@never_cache  # personal: never kept by the page cache or a proxy
@csrf_exempt  # RFC 8058: mail clients POST with no token and no confirmation step
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    alert = _alert_from(token, links.UNSUBSCRIBE)
    if request.method == "POST":
        if alert is not None:
            alert.delete()
        return render(request, "alerts/unsubscribed.html", {"count": 1})
    if alert is None:
        return render(request, "alerts/unsubscribed.html", {"count": 0}, status=404)
    return render(request, "alerts/unsubscribe.html", {"alert": alert})


@never_cache  # personal: never kept by the page cache or a proxy
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """Every alert of one address: change how often, delete one, or delete them all."""
    email = links.read(token, links.MANAGE)
    if not isinstance(email, str):
        raise Http404("This link is not valid.")
    alerts = Alert.objects.filter(email=email).order_by("created_at")
    if request.method == "POST":
        if "delete_all" in request.POST:
            alerts.delete()
        elif pk := request.POST.get("delete", ""):
            alerts.filter(pk=pk if pk.isdigit() else 0).delete()
        return redirect(request.path)
    return render(
        request,
        "alerts/manage.html",
        {"alerts": alerts, "email": email, "confirmed": "confirmed" in request.GET},
    )


@never_cache  # personal: never kept by the page cache or a proxy
@ratelimit(key="ip", rate="5/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def request_manage_link(request: HttpRequest) -> HttpResponse:
    """Lost the emails? The manage link goes to the address, never to the screen."""
    form = AlertForm(request.POST or None)
    form.fields.pop("frequency")
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if Alert.objects.filter(email=email).exists():
            queue_manage_link(email, timezone.now())
        return render(request, "alerts/check_email.html", {"email": email, "manage": True})
    return render(request, "alerts/request_link.html", {"form": form}, status=400 if form.errors else 200)
