import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtail_document_views

TOO_MANY = "Too many requests from your address in a short time. Wait a minute and try again."


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Shown when a form is sent, or a search made, too often (django-ratelimit's RATELIMIT_VIEW):
    a plain 429 page, or for the JSON API the same answer as JSON."""
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"messages": [TOO_MANY]}, status=429)
    else:
        response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def health(request: HttpRequest) -> HttpResponse:
    """A trivial view for load balancers, and the floor that `make bench` measures pages against."""
    return HttpResponse("ok", content_type="text/plain")


def _password_form(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """One of Wagtail's forms for a shared password (a private page, a private collection of
    documents), rate limited like every public form, and with its return address kept to a path:
    Wagtail hands any other relative address to redirect(), which takes one without a "/" or "."
    ("0", "home") for a URL pattern's name and fails with a 500. (Wagtail itself sends off-site
    paths such as "//x" to LOGIN_REDIRECT_URL.)"""

    @ratelimit(key="ip", rate="10/m", method="POST", block=True)
    @functools.wraps(view)
    def password_form(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not request.POST.get("return_url", "").startswith("/"):
            request.POST = request.POST.copy()
            request.POST["return_url"] = "/"
        return view(request, *args, **kwargs)

    return password_form


page_password_form = _password_form(wagtail_views.authenticate_with_password)
document_password_form = _password_form(wagtail_document_views.authenticate_with_password)
