from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Email alerts and feeds"
    default_auto_field = "django.db.models.BigAutoField"
