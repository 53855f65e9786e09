from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    """Host teams, placement listings, requests for places, capacity, expiry and retention."""

    name = "placements"
    verbose_name = "Work placements"
