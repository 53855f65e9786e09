"""Seeds the activities and SEND adjustments, and lets Wagtail's Editors and Moderators groups see
and decide every request for places (host teams see only their own; see placements/teams.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from placements.vocabulary import ACTIVITIES, ADJUSTMENTS

EDITOR_GROUPS = ("Editors", "Moderators")
EDITOR_PERMISSIONS = ("view_placementrequest", "change_placementrequest")


def seed(apps, schema_editor):
    for model_name, terms in (("Activity", ACTIVITIES), ("Adjustment", ADJUSTMENTS)):
        model = apps.get_model("placements", model_name)
        for order, (code, name) in enumerate(terms):
            model.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


def grant_editors(apps, schema_editor):
    # Permissions are normally created after all migrations run; create them now so they can be granted.
    app_config = apps.get_app_config("placements")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="placements", codename__in=EDITOR_PERMISSIONS)
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
