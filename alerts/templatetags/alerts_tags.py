from django import template
from django.urls import reverse

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
