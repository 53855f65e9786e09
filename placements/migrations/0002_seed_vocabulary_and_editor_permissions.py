"""Seeds the activities and SEND adjustments, and lets Wagtail's Editors and Moderators groups see
and decide every request for places (host teams see only their own; see placements/teams.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The values as they were when this migration was written, copied here so that later changes to
# placements/vocabulary.py cannot change what this migration did.
ACTIVITIES = (('work-shadowing', 'Work shadowing'),
 ('project-task', 'A project task set by the team'),
 ('skills-identification', 'Skills identification and development'),
 ('mentoring', 'Mentoring'),
 ('insight-day', 'Insight day'),
 ('virtual', 'Virtual element (online)'))

ADJUSTMENTS = (('step-free', 'Step-free access'),
 ('quiet-space', 'A quiet space to take breaks'),
 ('job-coach', 'Job coach or support worker welcome'),
 ('adjusted-hours', 'Adjusted or shorter hours'),
 ('accessible-toilet', 'Accessible toilet'),
 ('visual-supports', 'Visual timetable and easy-read instructions'),
 ('hearing-loop', 'Hearing loop'),
 ('pre-visit', 'A visit before the placement starts'))

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
