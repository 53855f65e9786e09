"""Factories for events. Times are given as local (Europe/London) wall-clock times, as an editor
types them; pages are published through a revision, as the admin does."""

import datetime
import itertools
from collections.abc import Iterable

from django.utils import timezone

from events.models import EventIndexPage, EventKind, EventPage, NetworkAttendance
from portal.taxonomy.models import Audience, CouncilTeam, School

_sequence = itertools.count(1)


def london(*parts: int) -> datetime.datetime:
    """An aware datetime from local wall-clock time in Europe/London."""
    return datetime.datetime(*parts, tzinfo=timezone.get_default_timezone())


def event_index(home) -> EventIndexPage:
    existing = EventIndexPage.objects.first()
    if existing:
        return existing
    index = EventIndexPage(title="Events", slug="events", intro="What's on.", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def event(
    index: EventIndexPage,
    *,
    start: datetime.datetime,
    end: datetime.datetime | None = None,
    kind: str = EventKind.CAREERS_FAIR,
    audiences: Iterable[str] = ("young-people",),
    live: bool = True,
    **fields,
) -> EventPage:
    n = next(_sequence)
    page = EventPage(
        title=fields.pop("title", f"Event {n}"),
        slug=fields.pop("slug", f"event-{n}"),
        kind=kind,
        summary=fields.pop("summary", "An event for testing."),
        start=start,
        end=end or start + datetime.timedelta(hours=2),
        venue=fields.pop("venue", "Riverside Sixth Form College"),
        organiser=fields.pop("organiser", "Careers Lead, Riverside Sixth Form College"),
        live=False,
        **fields,
    )
    page.audiences.set(Audience.objects.filter(code__in=list(audiences)))
    index.add_child(instance=page)
    if live:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def team(name: str = "Employment and Training Hub") -> CouncilTeam:
    return CouncilTeam.objects.get_or_create(
        name=name,
        defaults={
            "slug": name.lower().replace(" ", "-"),
            "directorate": "Regeneration",
            "description": "Helps people into work.",
            "contact_role": "Careers and Skills Officer",
            "contact_email": "employment-hub@example.org",
        },
    )[0]


def school(name: str, urn: str, phase: str = School.Phase.SECONDARY, is_open: bool = True) -> School:
    return School.objects.create(name=name, urn=urn, phase=phase, kind=School.Kind.ACADEMY, is_open=is_open)


def attendance(meeting: EventPage, schools: Iterable[School]) -> NetworkAttendance:
    record, _ = NetworkAttendance.objects.get_or_create(meeting=meeting)
    record.schools.set(list(schools))
    return record
