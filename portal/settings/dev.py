"""Local development: DEBUG on, a throwaway key, e-mail to the console."""

import os

os.environ.setdefault("DEBUG", "true")
# The dev cache is per process, so a build made by the worker would never reach runserver.
os.environ.setdefault("BUILDS_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from .base import *  # noqa: E402,F403

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
