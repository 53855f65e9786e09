"""Public alert and reminder pages: the sign-up forms, the confirm, unsubscribe and manage links,
and the listings' Atom feeds. No account and no session: every link is signed (links.py)."""

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit
from wagtail import views as wagtail_views

from portal.core.submissions import earlier_submission

from . import links, occasions
from .emails import queue_confirmation, queue_manage_link
from .feeds import ListingFeed
from .forms import AlertForm, ReminderForm
from .models import UNCONFIRMED_HOURS, Alert, Frequency, Reminder, Subscription
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


# The two kinds of subscription the confirm and unsubscribe links serve (the URL names the kind).
KINDS: dict[str, type[Subscription]] = {"alert": Alert, "reminder": Reminder}


def _subscription_from(token: str, model: type[Subscription]) -> Subscription | None:
    pk = links.read(token, model.confirm_salt)
    return model.objects.filter(pk=pk).first() if isinstance(pk, int) else None


@never_cache  # personal: never kept by the page cache or a proxy
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str, kind: str = "alert") -> HttpResponse:
    """A link a mail scanner may open, so GET only shows a button; the POST confirms."""
    model = KINDS[kind]
    item = _subscription_from(token, model)
    if item is None:
        return render(
            request, "alerts/link_expired.html", {"hours": UNCONFIRMED_HOURS, "noun": model.noun}, status=404
        )
    if request.method == "POST":
        if item.confirmed_at is None:
            model.objects.filter(pk=item.pk, confirmed_at=None).update(confirmed_at=timezone.now())
        return redirect(
            reverse("alerts:manage", args=[links.token(item.email, links.MANAGE)]) + f"?confirmed={kind}"
        )
    return render(request, "alerts/confirm.html", {"item": item})


@never_cache  # personal: never kept by the page cache or a proxy
@csrf_exempt  # RFC 8058: mail clients POST with no token and no confirmation step
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str, kind: str = "alert") -> HttpResponse:
    model = KINDS[kind]
    pk = links.read(token, model.unsubscribe_salt)
    item = model.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if request.method == "POST":
        # A reminder already sent is already deleted: nothing more will come, which is the answer.
        if item is not None:
            item.delete()
        return render(request, "alerts/unsubscribed.html", {"count": 1, "noun": model.noun})
    if item is None:
        return render(request, "alerts/unsubscribed.html", {"count": 0, "noun": model.noun}, status=404)
    return render(request, "alerts/unsubscribe.html", {"item": item})


# What a change on the manage page did, for the banner after the redirect.
DONE = {
    "frequency": "We have changed how often we email you.",
    "deleted": "Deleted.",
}


@never_cache  # personal: never kept by the page cache or a proxy
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """Every alert and reminder of one address: change how often an alert comes, delete one, or
    delete them all."""
    email = links.read(token, links.MANAGE)
    if not isinstance(email, str):
        raise Http404("This link is not valid.")
    alerts = Alert.objects.filter(email=email).order_by("created_at")
    reminders = Reminder.objects.filter(email=email).order_by("created_at")
    error = ""
    if request.method == "POST":
        done, error = _change(request.POST, alerts, reminders)
        if not error:
            return redirect(request.path + (f"?done={done}" if done else ""))
    return render(
        request,
        "alerts/manage.html",
        {
            "alerts": alerts,
            "reminders": reminders,
            "email": email,
            "confirmed": request.GET.get("confirmed", ""),
            "done": DONE.get(request.GET.get("done", ""), ""),
            "error": error,
        },
        status=400 if error else 200,
    )


def _change(data: QueryDict, alerts: QuerySet[Alert], reminders: QuerySet[Reminder]) -> tuple[str, str]:
    """Apply one change from the manage page: (what was done, or "") and an error message."""
    if "delete_all" in data:
        alerts.delete()
        reminders.delete()
        return "deleted", ""
    if pk := data.get("delete", ""):
        alerts.filter(pk=pk if pk.isdigit() else 0).delete()
        return "deleted", ""
    if pk := data.get("delete_reminder", ""):
        reminders.filter(pk=pk if pk.isdigit() else 0).delete()
        return "deleted", ""
    if change := data.get("frequency", ""):
        pk, _, frequency = change.partition(":")
        if not pk.isdigit() or frequency not in Frequency.values:
            return "", "Choose how often from the buttons on this page"
        # Only this address's alert: a pk of someone else's changes nothing.
        alerts.filter(pk=pk).update(frequency=frequency)
        return "frequency", ""
    return "", ""


@never_cache  # personal: never kept by the page cache or a proxy
@ratelimit(key="ip", rate="10/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def new_reminder(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """`/reminders/new/event/<id>/` or `/reminders/new/open-day/<id>/`: an email address for a
    reminder the day before. Same answer whether or not the address had already asked."""
    occasion = occasions.find(kind, pk)
    if occasion is None:
        raise Http404("No such event or open day.")
    form = ReminderForm(request.POST or None)
    open_for_reminders = occasion.can_remind(timezone.localdate())
    if request.method == "POST" and open_for_reminders and form.is_valid():
        email = form.cleaned_data["email"].lower()
        ask_for_reminder(email, occasion, request.POST)
        return render(
            request,
            "alerts/check_email.html",
            {"email": email, "hours": UNCONFIRMED_HOURS, "noun": Reminder.noun},
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "alerts/new_reminder.html",
        {"form": form, "occasion": occasion, "open": open_for_reminders, "hours": UNCONFIRMED_HOURS},
        status=status,
    )


def ask_for_reminder(email: str, occasion: occasions.Occasion, data: QueryDict) -> None:
    """Save an unconfirmed reminder (or find the address's existing one) and send the link to
    confirm it. The form's one-time token makes a double submit one reminder and one email."""
    earlier, token = earlier_submission(Reminder.objects, data, "email")
    if earlier is not None:
        return  # this same form was sent before: its reminder and email stand
    target = {occasion.reminder_field: occasion.pk}
    try:
        with transaction.atomic():
            reminder, _ = Reminder.objects.get_or_create(
                email=email, **target, defaults={"submission": token}
            )
            if not reminder.confirmed_at:
                queue_confirmation(reminder, asked=token)
    except IntegrityError:
        pass  # the same form (or the same address and event) sent twice at once: the first stands


@never_cache  # personal: never kept by the page cache or a proxy
@ratelimit(key="ip", rate="5/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def request_manage_link(request: HttpRequest) -> HttpResponse:
    """Lost the emails? The manage link goes to the address, never to the screen."""
    form = AlertForm(request.POST or None)
    form.fields.pop("frequency")
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if Alert.objects.filter(email=email).exists() or Reminder.objects.filter(email=email).exists():
            queue_manage_link(email, timezone.now())
        return render(request, "alerts/check_email.html", {"email": email, "manage": True})
    return render(request, "alerts/request_link.html", {"form": form}, status=400 if form.errors else 200)
