"""Moderation of school contributions: the "Editor review" workflow on the resource bank.

Wagtail does the work: a contributor's "Submit to Editor review" starts the workflow and emails the
Editors; an editor comments, requests changes or approves (approving the last task publishes the
page, or schedules it when "go live at" is set: `manage.py publish_scheduled` publishes it then);
every step is a revision and lands in Wagtail's audit log. This module only makes sure the
workflow exists, belongs to the Editors and is assigned to every resource bank page."""

from typing import Any

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from resources.models import ResourceIndexPage

from .roles import EDITORS

EDITOR_REVIEW = "Editor review"


def editor_review_workflow() -> Workflow:
    """The "Editor review" workflow, created with its one task (approval by the Editors) if
    missing. Tasks a superuser adds to it later are left alone."""
    workflow, _ = Workflow.objects.get_or_create(name=EDITOR_REVIEW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=EDITOR_REVIEW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=EDITOR_REVIEW)
    task.groups.add(Group.objects.get(name=EDITORS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def sync_editor_review() -> None:
    """Assign "Editor review" to every resource bank page that has no workflow of its own."""
    workflow = editor_review_workflow()
    for index in ResourceIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


@receiver(post_save, sender=ResourceIndexPage)
def resource_bank_created(sender: type, instance: ResourceIndexPage, created: bool, **kwargs: Any) -> None:
    """A new resource bank gets the contributors' page permission and Editor review at once, so
    contributions never go live unreviewed, even before the next setup_roles."""
    if created and not kwargs.get("raw"):
        from .roles import sync_page_permissions

        sync_page_permissions()
        sync_editor_review()
