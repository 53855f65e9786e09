"""Local development: DEBUG on, a throwaway key, e-mail to the console."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
