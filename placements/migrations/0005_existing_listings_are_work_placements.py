"""Listings made before kinds existed are work placements. Their hours for each young person are
worked out from their longest window: five hours for each weekday in it, at most ten days (50
hours), at least one day. The values are frozen here: this migration never imports the app's code."""

import datetime

from django.db import migrations

HOURS_A_DAY = 5
MOST_DAYS = 10


def weekdays(start: datetime.date, end: datetime.date) -> int:
    days = 0
    day = start
    while day <= end and days <= MOST_DAYS:
        if day.weekday() < 5:
            days += 1
        day += datetime.timedelta(days=1)
    return days


def hours_for(windows) -> int:
    longest = max((weekdays(start, end) for start, end in windows), default=5)
    return HOURS_A_DAY * min(max(longest, 1), MOST_DAYS)


def forwards(apps, schema_editor):
    page_model = apps.get_model("placements", "PlacementPage")
    window_model = apps.get_model("placements", "AvailabilityWindow")
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type = content_type_model.objects.filter(app_label="placements", model="placementpage").first()
    for page in page_model.objects.all().only("pk"):
        spans = window_model.objects.filter(page_id=page.pk).values_list("start_date", "end_date")
        hours = hours_for(spans)
        page_model.objects.filter(pk=page.pk).update(kind="work-placement", hours_each=hours)
        if content_type is None:
            continue
        # Revisions keep the page's fields as JSON: give them the same values, so restoring an old
        # revision does not put back the model's default hours.
        revisions = revision_model.objects.filter(content_type=content_type, object_id=str(page.pk))
        for revision in revisions.only("pk", "content"):
            content = dict(revision.content or {})
            content.setdefault("kind", "work-placement")
            content.setdefault("hours_each", hours)
            revision_model.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0004_kinds_of_opportunity"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
