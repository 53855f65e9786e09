from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search contract over every content type, with a database engine and an Elasticsearch engine."""

    name = "search"
    label = "portal_search"
    verbose_name = "Search"

    def ready(self) -> None:
        from . import sync

        sync.connect()
