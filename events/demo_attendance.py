"""Demo attendance counts for events that have already happened (any type but Careers Network
meetings, which events/demo.py records by school), so the dashboard's action plan measures show
figures. Counts are fictional and depend only on the event's type and position."""

from django.utils import timezone

from .models import EventAttendance, EventKind, EventPage

# (schools, young people, parents, staff) for each type of event.
COUNTS: dict[str, tuple[int, int, int, int]] = {
    EventKind.CAREERS_FAIR: (11, 540, 85, 22),
    EventKind.ROADSHOW: (1, 120, 0, 6),
    EventKind.APPRENTICESHIP: (6, 180, 70, 8),
    EventKind.OPEN_DAY: (0, 95, 60, 0),
    EventKind.SUMMER_SCHOOL: (4, 30, 0, 2),
    EventKind.CPD: (5, 0, 0, 9),
}


def load() -> None:
    held = EventPage.objects.filter(start__lt=timezone.now(), is_cancelled=False).exclude(
        kind=EventKind.NETWORK_MEETING
    )
    for position, event in enumerate(held.order_by("start")):
        schools, young_people, parents, staff = COUNTS.get(event.kind, (0, 0, 0, 0))
        EventAttendance.objects.update_or_create(
            event=event,
            defaults={
                "schools": schools,
                "young_people": max(young_people - 10 * (position % 3), 0),
                "parents": parents,
                "staff": staff,
            },
        )
