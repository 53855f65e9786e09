"""Create the portal's roles (see publishing/roles.py). Page, collection and later apps' model
permissions are added by `manage.py setup_roles`, which runs after every migrate."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from publishing import roles

    # Permissions are normally created after the whole migrate; the dashboard's is needed now.
    publishing = apps.get_app_config("publishing")
    publishing.models_module = True
    create_permissions(publishing, apps=apps, verbosity=0)
    publishing.models_module = None
    roles.sync_groups(apps)
    roles.retire_wagtail_default_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
