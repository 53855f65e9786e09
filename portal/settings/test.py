"""Tests: SQLite unless DATABASE_URL says otherwise (CI's PostgreSQL run sets it)."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up sends the mail API straight to locmem; the outbox delivers there too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# pytest-xdist runs one process per core: each keeps its uploads apart from the others'.
MEDIA_ROOT = BASE_DIR / "media" / "test" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
ALLOWED_HOSTS = ["*"]
# Tasks are stored as in production and run by tests.tasks.run_tasks(), so a test sees what a
# visitor's request did (queue) separately from what the worker does later (deliver).
# Facet indexes and booklets are built at once, as in development; tests/taxonomy/test_index_builds.py
# and tests/directory/test_booklet.py queue them instead to test what visitors see meanwhile.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []},
    "builds": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []},
}
