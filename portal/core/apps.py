from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every part of the portal shares: the page cache and content version, middleware, the
    proxy's client address, form helpers, submissions sent twice, strict dates, admin actions, the
    error views and the template tags (`portal_tags`, `govuk_forms`)."""

    name = "portal.core"
    label = "core"
    verbose_name = "Portal core"

    def ready(self) -> None:
        from portal.exports import escape_admin_csv_exports

        from .caching import connect_invalidation
        from .dates import use_strict_date_fields

        connect_invalidation()
        use_strict_date_fields()
        escape_admin_csv_exports()
