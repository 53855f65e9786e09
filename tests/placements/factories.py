"""Factories for work placements. Pages go through Wagtail's tree API and are published, teams
through the same helper the admin and `setup_host_team` use, so the permissions are real."""

import datetime
import itertools
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from placements.booking import NewRequest, submit_request
from placements.models import (
    Activity,
    Adjustment,
    AvailabilityWindow,
    HostTeamPage,
    PlacementIndexPage,
    PlacementPage,
    PlacementRequest,
    WindowCapacity,
)
from placements.teams import setup_host_team
from portal.taxonomy.models import CouncilTeam, KeyStage, MeaningfulCriterion, School, Setting

_sequence = itertools.count(1)
FUTURE = datetime.date.today() + datetime.timedelta(days=60)


def placement_index(home) -> PlacementIndexPage:
    existing = PlacementIndexPage.objects.first()
    if existing:
        return existing
    index = PlacementIndexPage(
        title="Work placements", slug="placements", intro="Placements.", show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def council_team(
    slug: str = "highways", name: str | None = None, directorate: str = "Community Services"
) -> CouncilTeam:
    return CouncilTeam.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name or slug.replace("-", " ").title(),
            "directorate": directorate,
            "description": f"The {slug} team.",
            "contact_role": "Placements Coordinator",
            "contact_email": f"{slug}@example.org",
        },
    )[0]


def host_team(home, slug: str = "highways", **team_fields) -> HostTeamPage:
    return setup_host_team(council_team(slug, **team_fields), placement_index(home))


def team_user(host: HostTeamPage, username: str | None = None):
    user = get_user_model().objects.create_user(
        username=username or f"{host.team.slug}-officer-{next(_sequence)}", password="correct horse battery"
    )
    user.groups.add(Group.objects.get(pk=host.team.group_id))
    return user


def editor(username: str = "editor"):
    user = get_user_model().objects.create_user(username=username, password="correct horse battery")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def placement(
    host: HostTeamPage,
    *,
    title: str | None = None,
    windows: Iterable[tuple[datetime.date, datetime.date, int]] = (
        (FUTURE, FUTURE + datetime.timedelta(days=4), 3),
    ),
    key_stages: Iterable[str] = ("KS4", "KS5"),
    settings: Iterable[str] = ("mainstream", "special", "home-education"),
    activities: Iterable[str] = ("work-shadowing",),
    adjustments: Iterable[str] = (),
    criteria: Iterable[str] = ("b6-clear-purpose", "b6-task-set"),
    summary: str = "A placement for testing.",
    live: bool = True,
    kind: str = "work-placement",
    hours_each: int = 25,
) -> PlacementPage:
    n = next(_sequence)
    page = PlacementPage(
        title=title or f"Placement {n}",
        slug=f"placement-{n}",
        summary=summary,
        kind=kind,
        hours_each=hours_each,
        body=[{"type": "paragraph", "value": "<p>You will shadow the team.</p>"}],
        learning_outcomes="Know what the team does\nPresent a project",
        location_name="Municipal Buildings",
        address="Church Road\nStockton-on-Tees",
        postcode="TS18 1LD",
        live=live,
        windows=[
            AvailabilityWindow(
                start_date=start, end_date=end, days_and_hours="Monday to Friday, 9am to 3pm", places=places
            )
            for start, end, places in windows
        ],
    )
    page.key_stages.set(KeyStage.objects.filter(code__in=list(key_stages)))
    page.settings.set(Setting.objects.filter(code__in=list(settings)))
    page.activities.set(Activity.objects.filter(code__in=list(activities)))
    page.adjustments.set(Adjustment.objects.filter(code__in=list(adjustments)))
    page.meaningful_criteria.set(MeaningfulCriterion.objects.filter(code__in=list(criteria)))
    host.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def capacity(page: PlacementPage, position: int = 0) -> WindowCapacity:
    window = page.windows.order_by("sort_order", "pk")[position]
    return WindowCapacity.objects.get(page=page, key=window.key)


def school(
    name: str = "Kingfisher Academy", urn: str = "990101", phase: str = School.Phase.SECONDARY
) -> School:
    return School.objects.get_or_create(
        urn=urn, defaults={"name": name, "phase": phase, "kind": School.Kind.ACADEMY}
    )[0]


def placement_request(
    window: WindowCapacity,
    *,
    young_people: int = 1,
    email: str = "careers@school.example.org",
    **fields,
) -> PlacementRequest:
    """A request sent the way the public form sends one (`fields` replace the form's values)."""
    return submit_request(
        NewRequest(
            **{
                "window": window,
                "setting": Setting.objects.get(code="mainstream"),
                "school": school(),
                "organisation_name": "",
                "contact_name": "Careers Leader",
                "contact_email": email,
                "contact_phone": "01642 123456",
                "young_people": young_people,
                "year_groups": ["Y10"],
                "adjustments_needed": "",
                **fields,
            }
        )
    )
