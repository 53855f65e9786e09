"""Signals: `placement_changed` for other apps (the search index), and the receivers that keep a
placement's confirmation date and host team right."""

from typing import Any

from django.dispatch import Signal, receiver
from wagtail.signals import page_published, post_page_move

from .models import PlacementPage, team_of_parent, today

# Sent after commit, with `page_id`, when what the public sees of a placement changes without a
# publish: places taken or freed, or the listing confirmed again. A search index can listen to keep
# "has places left" and expiry fresh without the placements app importing it.
placement_changed = Signal()


@receiver(page_published, sender=PlacementPage)
def confirm_on_publish(sender: type, instance: PlacementPage, **kwargs: Any) -> None:
    """Publishing a placement is the team saying it is still offered."""
    PlacementPage.objects.filter(pk=instance.pk).update(last_confirmed=today())


@receiver(post_page_move, sender=PlacementPage)
def follow_host_team(sender: type, instance: Any, **kwargs: Any) -> None:
    """A placement moved under another host team page now belongs to that team."""
    moved = PlacementPage.objects.get(pk=instance.pk)
    PlacementPage.objects.filter(pk=moved.pk).update(host_team_id=team_of_parent(moved))
