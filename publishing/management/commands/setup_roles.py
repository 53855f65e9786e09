"""`manage.py setup_roles`: create or refresh the portal's roles (see publishing/roles.py)."""

from typing import Any

from django.core.management import BaseCommand
from django.db import transaction

from publishing.roles import ROLES, setup_roles


class Command(BaseCommand):
    help = (
        "Create or refresh the Editors, Council team members, School contributors and Reporting groups, "
        "their page and collection permissions and the Editor review workflow. Safe to run at any time; "
        "`migrate` and `load_demo_content` run it too."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            setup_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles up to date: {', '.join(ROLES)}."))
