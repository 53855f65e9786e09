"""The test database restored from the migrated copy kept between runs (tests/migrated_db.py) is the
one `migrate` would make now."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def test_every_migration_on_disk_is_applied_to_the_test_database(db):
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
