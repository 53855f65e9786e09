"""An index on wagtailcore_page.url_path, which HomePage.route looks pages up by.

Without it, every request that routes below the home page scans the whole page table: 3 ms at
12,000 pages and 12 ms at 52,000 on SQLite, the one cost of a page view that grew with the content.
Wagtail's Page model has no such index and its migrations are not ours, so this one adds it with
SQL. On PostgreSQL it is a hash index: equality is all routing needs, and a B-tree refuses entries
over about 2.7 KB, which a deep enough path could reach (publishing that page would then fail)."""

from django.db import migrations

INDEX = "portal_page_url_path"


def create(apps, schema_editor) -> None:
    using = " USING hash" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page{using} (url_path)")


def drop(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_home_page")]

    operations = [migrations.RunPython(create, drop)]
