"""`manage.py load_demo_content`: loads a realistic Stockton portal from the council's documents (docs/sources.md). Idempotent: run
it again and nothing is duplicated. Each installed app may provide a `demo` module with a
`load(home)` function; they run in INSTALLED_APPS order, so apps lower down can use what the
foundation created. Finally the search index is rebuilt."""

import importlib
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from portal.home.demo_tools import demo_password
from portal.home.models import HomePage

DEMO_ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load (or refresh) the demo content: home page, taxonomy terms, resources and each app's demo."

    def handle(self, *args: Any, **options: Any) -> None:
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py migrate` first.")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if importlib.util.find_spec(module_name) is None:
                    continue
                importlib.import_module(module_name).load(home.specific)
                self.stdout.write(f"Loaded demo content: {app_config.verbose_name}")
            password = self._ensure_admin()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded and search index rebuilt."))
        if password:
            self.stdout.write(f"Log in at /admin/ as “{DEMO_ADMIN_USERNAME}” with password “{password}”.")

    def _ensure_admin(self) -> str | None:
        """A superuser for local exploration only. The password comes from DEMO_ADMIN_PASSWORD, or a
        fixed development value when DEBUG is on; never a default in production."""
        password = demo_password()
        if password is None:
            self.stdout.write("No demo admin created: set DEMO_ADMIN_PASSWORD to create one.")
            return None
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={"email": "portal-admin@example.org", "is_staff": True, "is_superuser": True},
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        return password
