from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _setup_roles_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from .roles import setup_roles

    setup_roles()


class PublishingConfig(AppConfig):
    """Roles, moderation of school contributions, contributor accounts, content freshness and the impact dashboard."""

    name = "publishing"
    verbose_name = "Publishing and impact"

    def ready(self) -> None:
        from wagtail.documents import get_document_model
        from wagtail.documents.models import document_served

        from . import moderation  # noqa: F401 - connects the resource bank signal
        from .models import count_download

        # Sent only when a document is actually served (after Wagtail's privacy checks), so a
        # refused request is never counted.
        document_served.connect(
            count_download, sender=get_document_model(), dispatch_uid="publishing-count-download"
        )

        # After every migrate (and test database set-up), bring the roles up to date.
        post_migrate.connect(_setup_roles_after_migrate, sender=self)
