from django.apps import AppConfig


class ListingsConfig(AppConfig):
    """The faceted listings (resources, placements, events, stories, services, post-16 places):
    one declaration each (portal.listings.listing), served from prebuilt facet indexes."""

    name = "portal.listings"
    label = "listings"
    verbose_name = "Listings"
