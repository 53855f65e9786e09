"""Create the portal's roles (see publishing/roles.py). Page, collection and later apps' model
permissions are added by `manage.py setup_roles`, which runs after every migrate."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

# The values as they were when this migration was written, copied here so that later changes to
# publishing/roles.py cannot change what this migration did.
GLOBAL_PERMISSIONS = {'Editors': (('portal_search', 'view_searchtermcount'),
             ('publishing', 'change_contributorrequest'),
             ('publishing', 'delete_contributorrequest'),
             ('publishing', 'view_contributorrequest'),
             ('publishing', 'view_impact_dashboard'),
             ('wagtailadmin', 'access_admin'),
             ('wagtailredirects', 'add_redirect'),
             ('wagtailredirects', 'change_redirect'),
             ('wagtailredirects', 'delete_redirect')),
 'Council team members': (('wagtailadmin', 'access_admin'),),
 'School contributors': (('wagtailadmin', 'access_admin'),),
 'Reporting': (('publishing', 'view_impact_dashboard'), ('wagtailadmin', 'access_admin'))}


def sync_groups(apps):
    """Create the four groups with their global permissions (those that exist yet)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, keys in GLOBAL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for app_label, codename in keys:
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))


def retire_wagtail_default_moderation(apps):
    """Wagtail's "Moderators approval" workflow is switched off and unassigned, and its
    "Moderators" group removed while nobody is in it: the Editors moderate through "Editor review"."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group = apps.get_model("auth", "Group")
    defaults = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=defaults).delete()
    for workflow in defaults:
        workflow.active = False
        workflow.save(update_fields=["active"])
        for workflow_task in workflow.workflow_tasks.all():
            task = workflow_task.task
            task.active = False
            task.save(update_fields=["active"])
    Group.objects.filter(name="Moderators", user__isnull=True).delete()


def create_roles(apps, schema_editor):
    # Permissions are normally created after the whole migrate; the dashboard's is needed now.
    publishing = apps.get_app_config("publishing")
    publishing.models_module = True
    create_permissions(publishing, apps=apps, verbosity=0)
    publishing.models_module = None
    sync_groups(apps)
    retire_wagtail_default_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
