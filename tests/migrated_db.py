"""The test database is migrated once and kept, not migrated again by every test process.

Running the 230 migrations (Django's, Wagtail's and the portal's) is the costliest step of a test
process's start (bench/README.md), and pytest-xdist did it once per worker on every run. The first run now copies the migrated in-memory
database to a file in pytest's cache; later runs and the other workers copy that file into their
own in-memory database (SQLite's backup API, as Django's own parallel runner clones SQLite) and then
send post_migrate, as `migrate` does when it has nothing to apply, so the roles, permissions and
content types are brought up to date by today's code.

The file is named by a hash of every migration file of every installed app, Django's and SQLite's
versions: a new or edited migration (or a Wagtail upgrade) runs the migrations again from zero.
`pytest --cache-clear` does so too. PostgreSQL and file databases are migrated as before."""

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from unittest import mock

import django
from django.apps import apps
from django.core import management
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections
from django.db.migrations.loader import MigrationLoader


def _fingerprint() -> str:
    """What the migrated database depends on: every migration file, in app order, and the versions."""
    digest = hashlib.sha256(f"{django.__version__} {sqlite3.sqlite_version}".encode())
    for app in apps.get_app_configs():
        module_name, _ = MigrationLoader.migrations_module(app.label)
        folder = Path(app.path, "migrations") if module_name == f"{app.name}.migrations" else None
        if folder is None or not folder.is_dir():
            digest.update(f"{app.label}:{module_name}".encode())
            continue
        for migration in sorted(folder.glob("*.py")):
            digest.update(f"{app.label}/{migration.name}".encode())
            digest.update(migration.read_bytes())
    return digest.hexdigest()[:20]


def in_memory_sqlite(alias: str = "default") -> bool:
    """True for an in-memory SQLite test database, which SQLite's backup API can copy whole."""
    connection = connections[alias]
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )


@contextmanager
def migrated_once(cache_dir: Path, alias: str = "default") -> Iterator[None]:
    """While the test databases are created: restore the in-memory SQLite database from the kept
    copy instead of migrating it, or migrate it and keep a copy for the next time."""
    if not in_memory_sqlite(alias):
        yield
        return
    template = cache_dir / f"migrated-{_fingerprint()}.sqlite3"
    call_command = management.call_command

    def migrate_or_restore(name: str, *args, **options):
        if name != "migrate" or options.get("database") != alias:
            return call_command(name, *args, **options)
        connection = connections[alias]
        connection.ensure_connection()
        if template.exists():
            with closing(sqlite3.connect(template)) as kept:
                kept.backup(connection.connection)
            emit_post_migrate_signal(verbosity=0, interactive=False, db=alias, plan=[])
            return None
        result = call_command(name, *args, **options)
        partial = template.with_name(f"{template.name}.{os.getpid()}")
        with closing(sqlite3.connect(partial)) as copy:
            connection.connection.backup(copy)
        os.replace(partial, template)  # two workers may both migrate on the first run: either copy will do
        for older in cache_dir.glob("migrated-*.sqlite3"):
            if older != template:
                older.unlink(missing_ok=True)
        return result

    with mock.patch.object(management, "call_command", migrate_or_restore):
        yield
