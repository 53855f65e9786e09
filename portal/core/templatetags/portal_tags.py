"""Template helpers shared by every listing: shareable query strings and a pagination window."""

from typing import Any

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from wagtail.models import Site

from portal.core.caching import content_version

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with `changes` applied (a value of None removes the parameter).
    Changing a filter or the sort goes back to page 1."""
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.simple_tag(takes_context=True)
def query_without(context: dict[str, Any], key: str, value: str) -> str:
    """The current query string without one value of a repeatable parameter (to remove a filter)."""
    params = context["request"].GET.copy()
    params.setlist(key, [v for v in params.getlist(key) if v != str(value)])
    params.pop("page", None)
    return params.urlencode()


@register.filter
def page_window(paginator: Paginator, current: int) -> list[int | None]:
    """Page numbers to show: first, last and two either side of the current one; None for a gap."""
    last = paginator.num_pages
    wanted = sorted({1, last, *range(max(current - 2, 1), min(current + 2, last) + 1)})
    window: list[int | None] = []
    for number in wanted:
        if window and number - (window[-1] or 0) > 1:
            window.append(None)
        window.append(number)
    return window


@register.inclusion_tag("components/navigation.html", takes_context=True)
def main_navigation(context: dict[str, Any]) -> dict[str, Any]:
    """The header links: the home page's live children marked "show in menus", so each section
    appears once its app has published its index page."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"sections": [], "request": request}
    sections = cache.get_or_set(
        f"portal:navigation:{site.pk}:{content_version()}",
        lambda: [
            (page.title, page.get_url(request)) for page in site.root_page.get_children().live().in_menu()
        ],
        settings.PUBLIC_CACHE_SECONDS * 5,
    )
    return {"sections": sections, "request": request}


@register.simple_tag
def site_content_version() -> int:
    """The content version (portal.core.caching), to key `{% wagtailcache %}` fragments: they go
    stale whenever anything public changes."""
    return content_version()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
