from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Shown when a form is sent too often (django-ratelimit's RATELIMIT_VIEW): a plain 429 page."""
    return render(request, "429.html", status=429)


def health(request: HttpRequest) -> HttpResponse:
    """A trivial view for load balancers, and the floor that `make bench` measures pages against."""
    return HttpResponse("ok", content_type="text/plain")
