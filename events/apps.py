from django.apps import AppConfig


class EventsConfig(AppConfig):
    """The events calendar, its iCalendar feeds and Careers Network attendance."""

    name = "events"
    verbose_name = "Events"
