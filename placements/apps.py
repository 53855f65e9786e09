from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    """Host teams, placement listings, requests for places, capacity, expiry and retention."""

    name = "placements"
    verbose_name = "Work placements"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
