from django.apps import AppConfig


class SelfReviewConfig(AppConfig):
    name = "selfreview"
    verbose_name = "Careers self-review"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
