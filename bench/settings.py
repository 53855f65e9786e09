"""Settings for benchmarks that need a task worker: development settings, with the database task
backend (django-tasks-db) for every alias, as in production. Facet indexes and booklets are then
built by the worker, not by the process that published (development's default), and reach the
gunicorn workers through the benchmark's shared file cache."""

import os

os.environ.setdefault("BUILDS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

from portal.settings.dev import *  # noqa: E402,F403

if "django_tasks_db" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
