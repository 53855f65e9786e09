"""`/hosts/apply/`: a local employer applies to host young people. Nothing is saved unless every
field is valid; the password is never shown back, even on the form with errors; sending the same
form twice makes one application (portal.core.submissions)."""

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from portal.core.submissions import create_once, earlier_submission
from publishing.views import answer_blocked_with_429

from . import approval
from .forms import HostApplicationForm
from .models import HostApplication

SECRET_FIELDS = ("password", "password_again")


@answer_blocked_with_429
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/m", method="POST", block=True)
def apply(request: HttpRequest) -> HttpResponse:
    form = HostApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        earlier, token = earlier_submission(HostApplication.objects, request.POST, "contact_email")
        if earlier is not None:
            return redirect("hosts:apply_sent")
        if form.is_valid():
            form.cleaned_data["submission"] = token
            create_once(HostApplication.objects, token, lambda: _save(form))
            return redirect("hosts:apply_sent")
        form.data = form.data.copy()
        for name in SECRET_FIELDS:
            form.data.pop(name, None)
    context = {"form": form, "retention_days": settings.HOST_APPLICATION_RETENTION_DAYS}
    return render(request, "hosts/apply.html", context, status=400 if request.method == "POST" else 200)


def _save(form: HostApplicationForm) -> HostApplication:
    with transaction.atomic():
        application = form.save()
        approval.received(application)
    return application


def apply_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "hosts/apply_sent.html")
