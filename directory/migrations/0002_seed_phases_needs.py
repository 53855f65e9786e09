"""Seeds the school phases and needs with their stable Open Referral ids, and lets Wagtail's
Editors and Moderators groups see every team's referral enquiries. Re-running is safe."""

from django.db import migrations

from directory import vocabulary


def seed(apps, schema_editor):
    for model_name, taxonomy, terms in (
        ("Phase", "phases", vocabulary.PHASES),
        ("Need", "needs", vocabulary.NEEDS),
    ):
        model = apps.get_model("directory", model_name)
        for order, term in enumerate(terms):
            model.objects.update_or_create(
                code=term.code,
                defaults={
                    "name": term.name,
                    "description": term.description,
                    "sort_order": order,
                    "oruk_id": vocabulary.term_id(taxonomy, term.code),
                },
            )


def grant_view_all(apps, schema_editor):
    # The permission row is normally made after all migrations; make it now so groups can have it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="directory", model="referralenquiry")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_all_referralenquiry",
        defaults={"name": "Can see every team's referral enquiries"},
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant_view_all, migrations.RunPython.noop),
    ]
