from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """Roles, moderation of school contributions, contributor accounts, content freshness and the impact dashboard."""

    name = "publishing"
    verbose_name = "Publishing and impact"
