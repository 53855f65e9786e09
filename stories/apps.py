from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Stockton Born and Bred career stories."""

    name = "stories"
    verbose_name = "Born and Bred stories"
