"""Settings for benchmarks that need a task worker: development settings, with the database task
backend (django-tasks-db) unless the project's settings already configure one."""

from portal.settings.dev import *  # noqa: F403

if "django_tasks_db" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
if "TASKS" not in globals():
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
