"""`manage.py load_demo_content`: loads a realistic Stockton portal from demo/data/*.toml (see
docs/demo-content.md), every date relative to today. Idempotent: run it again and nothing is
duplicated. Finally the search indexes are rebuilt."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError

from demo.loader import demo_password, load_everything
from portal.home.models import HomePage

DEMO_ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load (or refresh) the demo content from demo/data, with dates relative to today."

    def handle(self, *args: Any, **options: Any) -> None:
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py migrate` first.")
        loaded = load_everything(home)
        password = self._ensure_admin()
        for kind, count in loaded.items():
            self.stdout.write(f"Loaded demo content: {count} × {kind}")
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
