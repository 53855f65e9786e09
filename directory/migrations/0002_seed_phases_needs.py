"""Seeds the school phases and needs with their stable Open Referral ids, and lets Wagtail's
Editors and Moderators groups see every team's referral enquiries. Re-running is safe."""

import uuid

from django.db import migrations

# The values as they were when this migration was written, copied here so that later changes to
# directory/vocabulary.py (terms and their Open Referral ids) cannot change what this migration did.
PHASES = ({'code': 'early-years',
  'name': 'Early years',
  'description': 'Nurseries, childminders and Reception classes: children from birth to 5.',
  'oruk_id': '0db5f10b-0f8c-580f-ac26-5a61f1b0f62d'},
 {'code': 'primary',
  'name': 'Primary',
  'description': 'Primary schools: Reception to Year 6, ages 4 to 11.',
  'oruk_id': '34bc7555-3736-5d86-b1d8-3415c60632ff'},
 {'code': 'secondary',
  'name': 'Secondary',
  'description': 'Secondary schools: Years 7 to 11, ages 11 to 16.',
  'oruk_id': '986a7f5e-3a5c-502c-87de-3b3189269b9d'},
 {'code': 'post-16',
  'name': 'Post-16',
  'description': 'Sixth forms, colleges and training: ages 16 to 19, and up to 25 with an EHC plan.',
  'oruk_id': '726bcfda-b2ba-5db9-a427-fcbae337ee92'})

NEEDS = ({'code': 'send',
  'name': 'Special educational needs and disabilities (SEND)',
  'description': 'Children and young people with special educational needs or disabilities, with or '
                 'without an education, health and care (EHC) plan.',
  'oruk_id': '6f39281a-0d4e-5812-aed2-97787faae580'},
 {'code': 'children-in-our-care',
  'name': 'Children in our care',
  'description': 'Children in our care (looked after by the council), children previously in care, and '
                 'care leavers.',
  'oruk_id': 'be399ae0-7fb0-586c-a1ba-7997e1eee03e'},
 {'code': 'families',
  'name': 'Families and parenting',
  'description': 'Help for parents and carers, and early help for the whole family.',
  'oruk_id': '8b010054-b3b2-5b64-8051-26d8bc921faa'},
 {'code': 'wellbeing',
  'name': 'Emotional health and wellbeing',
  'description': 'Managing emotions, mental health, relationships and behaviour.',
  'oruk_id': 'a0a1df7f-7fa9-54f5-aba1-c215fe61299a'},
 {'code': 'attendance',
  'name': 'Attendance and inclusion',
  'description': 'Attendance, exclusions, and children missing education.',
  'oruk_id': '89babcd1-2cb9-5e8f-958f-17e384243452'},
 {'code': 'careers',
  'name': 'Careers and next steps',
  'description': 'Careers guidance, work experience and moving on at 16 and 18.',
  'oruk_id': '43c57ac3-304e-5fcb-a60e-477f4ddc41d9'})


def seed(apps, schema_editor):
    for model_name, terms in (("Phase", PHASES), ("Need", NEEDS)):
        model = apps.get_model("directory", model_name)
        for order, term in enumerate(terms):
            model.objects.update_or_create(
                code=term["code"],
                defaults={
                    "name": term["name"],
                    "description": term["description"],
                    "sort_order": order,
                    "oruk_id": uuid.UUID(term["oruk_id"]),
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
