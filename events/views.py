"""Views outside the page tree: the .ics hand-over to Wagtail (see events/urls.py)."""

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views


def serve_ics(request: HttpRequest, path: str) -> HttpResponse:
    """Serve /events/calendar.ics as the page route `calendar.ics/` of the events calendar."""
    return wagtail_views.serve(request, f"{path}/")
