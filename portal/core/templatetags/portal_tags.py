"""Template helpers shared by every listing: shareable query strings and a pagination window."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest
from wagtail.models import Site

from portal.core.caching import content_version

register = template.Library()


def _encoded(request: HttpRequest) -> list[tuple[str, str, str]]:
    """(key, value, "key=value" encoded) for each value of the request's query string, in its
    order, worked out once per request: a listing links every ticked filter and page number, and
    encoding the whole query string for each link would cost the length of the query times the
    number of links."""
    pairs = getattr(request, "_portal_encoded_query", None)
    if pairs is None:
        pairs = [(key, value, _pair(key, value)) for key, values in request.GET.lists() for value in values]
        request._portal_encoded_query = pairs  # type: ignore[attr-defined]
    return pairs


def _pair(key: str, value: Any) -> str:
    """One "key=value", encoded as QueryDict.urlencode encodes it."""
    return urlencode({key.encode(settings.DEFAULT_CHARSET): str(value).encode(settings.DEFAULT_CHARSET)})


def _query(request: HttpRequest, keep: Callable[[str, str], bool], changes: dict[str, Any]) -> str:
    """The request's query string: each value `keep` accepts, each key in `changes` replaced where
    it stood (or added at the end) and removed when its value is None, as QueryDict.urlencode
    would write it."""
    pieces, placed = [], set()
    for key, value, piece in _encoded(request):
        if key not in changes:
            if keep(key, value):
                pieces.append(piece)
        elif key not in placed:
            placed.add(key)
            if changes[key] is not None:
                pieces.append(_pair(key, changes[key]))
    pieces += [_pair(key, value) for key, value in changes.items() if key not in placed and value is not None]
    return "&".join(pieces)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with `changes` applied (a value of None removes the parameter).
    Changing a filter or the sort goes back to page 1."""
    keep_page = "page" in changes
    return _query(context["request"], lambda key, value: keep_page or key != "page", changes)


@register.simple_tag(takes_context=True)
def query_without(context: dict[str, Any], key: str, value: str) -> str:
    """The current query string without one value of a repeatable parameter (to remove a filter)."""
    removed = (key, str(value))
    return _query(context["request"], lambda k, v: k != "page" and (k, v) != removed, {})


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
