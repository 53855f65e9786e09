from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback on placements and encounters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from publishing.dashboard import register_table

        from .figures import criteria_met

        register_table("feedback-criteria", lambda period: criteria_met(period))
