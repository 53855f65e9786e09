"""Public URLs ending in .ics (/events/calendar.ics, /events/<event>/event.ics).

Wagtail serves page URLs that end in a slash and have no dots, so these never reach its page
routing on their own. This pattern hands them to Wagtail's own `serve` view with the slash added,
so the pages' RoutablePageMixin routes answer them and Wagtail still applies its checks (site,
live, privacy restrictions, before_serve_page hooks). Any other page answers 404."""

from django.urls import re_path

from .views import serve_ics

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+\.ics)$", serve_ics, name="events_ics"),
]
