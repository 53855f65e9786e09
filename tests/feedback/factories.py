"""A placement that has ended, with an accepted request, as the feedback forms need it."""

import datetime

from django.utils import timezone

from placements.models import PlacementRequest, RequestStatus
from tests.placements.factories import capacity, host_team, placement, placement_request


def ended_request(
    home, *, slug: str = "highways", young_people: int = 3, days_ago: int = 2
) -> PlacementRequest:
    """An accepted request whose window ended `days_ago` days ago."""
    host = host_team(home, slug=slug)
    window = capacity(placement(host, title=f"Placement with {slug}"))
    request = placement_request(window, young_people=young_people)
    end = timezone.localdate() - datetime.timedelta(days=days_ago)
    type(window).objects.filter(pk=window.pk).update(
        start_date=end - datetime.timedelta(days=4), end_date=end
    )
    PlacementRequest.objects.filter(pk=request.pk).update(status=RequestStatus.ACCEPTED)
    return PlacementRequest.objects.select_related("window", "team").get(pk=request.pk)
