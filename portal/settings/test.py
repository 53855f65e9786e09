"""Tests: SQLite unless DATABASE_URL says otherwise (CI's PostgreSQL run sets it)."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up sends the mail API straight to locmem; the outbox delivers there too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
ALLOWED_HOSTS = ["*"]
# Tasks are stored as in production and run by tests.tasks.run_tasks(), so a test sees what a
# visitor's request did (queue) separately from what the worker does later (deliver).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
