from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """Council services for schools (the booklet), post-16 providers and routes, and the Open Referral UK API."""

    name = "directory"
    verbose_name = "Directory of services and post-16 options"

    def ready(self) -> None:
        from . import signals

        signals.connect()
