"""Replaces Wagtail's placeholder root page with the portal's home page, so a fresh database serves
the portal at / before any demo content is loaded."""

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Careers education in Stockton-on-Tees",
        draft_title="Careers education in Stockton-on-Tees",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="Resources, work placements and advice on careers for schools, colleges, parents and young people.",
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Stockton Careers Portal"}
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0002_initial_data")]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
