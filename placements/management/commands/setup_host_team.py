"""`manage.py setup_host_team <slug> [<slug> ...]`: give council teams their place in the work
placement directory: a host team page under /placements/, a Wagtail group (if the team has none)
with admin access, and add/edit/publish permission on that page's subtree only. Idempotent.
Add the team's staff to the group in Settings > Users."""

from typing import Any

from django.core.management import BaseCommand, CommandError

from placements.models import PlacementIndexPage
from placements.teams import setup_host_team
from portal.taxonomy.models import CouncilTeam


class Command(BaseCommand):
    help = "Create each council team's host team page, group and page permissions."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slugs", nargs="+", help="Council team slugs (see Taxonomy > Council teams).")

    def handle(self, *args: Any, slugs: list[str], **options: Any) -> None:
        index = PlacementIndexPage.objects.first()
        if index is None:
            raise CommandError(
                "There is no work-placement directory page: create it under the home page first."
            )
        teams = {team.slug: team for team in CouncilTeam.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in teams]
        if missing:
            raise CommandError(f"No council team with the slug: {', '.join(missing)}")
        for slug in slugs:
            page = setup_host_team(teams[slug], index)
            team = teams[slug]
            team.refresh_from_db()
            self.stdout.write(f"{team.name}: page {page.url or page.url_path}, group “{team.group.name}”")
