from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home page, standard pages and the demo content command."""

    name = "portal.home"
    label = "home"
    verbose_name = "Home and standard pages"

    def ready(self) -> None:
        from portal.exports import escape_admin_csv_exports

        from .caching import connect_invalidation
        from .dates import use_strict_date_fields

        connect_invalidation()
        use_strict_date_fields()
        escape_admin_csv_exports()
