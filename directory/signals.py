"""Keep the booklet honest: anything it shows changing makes the stored builds out of date and,
once the change is committed, queues a new build of each booklet that has one."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal.taxonomy.models import CouncilTeam

from . import booklet
from .models import Location, PartnerOrganisation, ServicePage, SupportIndexPage


def _invalidate(sender: Any, **kwargs: Any) -> None:
    booklet.invalidate()
    transaction.on_commit(booklet.schedule_built)


def connect() -> None:
    for page_model in (ServicePage, SupportIndexPage):
        page_published.connect(
            _invalidate, sender=page_model, dispatch_uid=f"booklet-publish-{page_model.__name__}"
        )
        page_unpublished.connect(
            _invalidate, sender=page_model, dispatch_uid=f"booklet-unpublish-{page_model.__name__}"
        )
    for model in (ServicePage, CouncilTeam, PartnerOrganisation, Location):
        # Deleting a page, or editing a snippet the booklet prints, never publishes anything.
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"booklet-delete-{model.__name__}")
    for model in (CouncilTeam, PartnerOrganisation, Location):
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"booklet-save-{model.__name__}")
