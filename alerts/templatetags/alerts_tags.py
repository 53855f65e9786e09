from django import template
from django.urls import reverse
from django.utils import timezone

from directory.models import OpenDay
from events.dates import local
from events.models import EventPage

from ..sources import filters_of, query_string

register = template.Library()


def _filters(context: template.Context) -> str:
    request = context.get("request")
    return query_string(filters_of(request.GET)) if request is not None else ""


@register.simple_tag(takes_context=True)
def feed_url(context: template.Context, source: str) -> str:
    """The Atom feed of the listing being shown, with its filters (not its page or sort)."""
    request = context["request"]
    filters = _filters(context)
    return f"{request.path}feed/" + (f"?{filters}" if filters else "")


@register.simple_tag(takes_context=True)
def alert_url(context: template.Context, source: str) -> str:
    filters = _filters(context)
    return reverse("alerts:new") + f"?source={source}" + (f"&{filters}" if filters else "")


@register.simple_tag
def reminder_url(target: EventPage | OpenDay) -> str:
    """The "Remind me the day before" form of an event page or an open day, or "" once it is too
    late to ask (the form checks again: a cached page may show the link a little late)."""
    if isinstance(target, OpenDay):
        day, name = target.date, "alerts:new_open_day_reminder"
    elif target.is_cancelled:
        return ""
    else:
        day, name = local(target.start).date(), "alerts:new_event_reminder"
    return reverse(name, args=[target.pk]) if day > timezone.localdate() else ""
