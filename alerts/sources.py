"""What a feed or an alert can follow: each public listing and the search, with its own filters.

Every source reuses its listing's own declaration (portal.listings.listing.FacetedListing.narrow:
facets, refinements and `q` through the search contract), so a feed or an alert matches exactly
what the listing shows for the same address. Items come newest first by when they were last
published, which is what "new or changed" means for a digest."""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from wagtail.models import Page

MAX_ITEMS = 50
# Parameters that only page or sort a listing: an alert or a feed never stores them.
NOT_FILTERS = {"page", "sort"}


@dataclass(frozen=True)
class Item:
    """One entry of a feed or a digest."""

    key: str
    title: str
    url: str
    summary: str
    updated: datetime.datetime
    kind: str


@dataclass(frozen=True)
class Source:
    """A listing that can be followed. `narrow` gives the live pages matching the parameters."""

    name: str
    title: str
    kind: str
    model: Callable[[], type[Page]]
    narrow: Callable[[Page, QueryDict], QuerySet] | None = None

    def index_page(self) -> Page | None:
        return self.model().objects.live().public().first() if self.narrow else None

    def url(self) -> str:
        if self.name == "search":
            return "/search/"
        page = self.index_page()
        return page.url if page else "/"

    def items(self, params: QueryDict, since: datetime.datetime | None = None) -> list[Item]:
        """Matching items, newest first (at most MAX_ITEMS), only those published after `since`."""
        if self.narrow is None:
            return search_items(params, since)
        page = self.index_page()
        if page is None:
            return []
        found = self.narrow(page, params).exclude(last_published_at=None)
        if since is not None:
            found = found.filter(last_published_at__gt=since)
        return [
            Item(
                key=f"page-{item.pk}",
                title=item.title,
                url=item.full_url or item.url,
                summary=getattr(item, "summary", "") or getattr(item, "search_description", ""),
                updated=item.last_published_at,
                kind=self.kind,
            )
            for item in found.order_by("-last_published_at", "pk")[:MAX_ITEMS]
        ]


def filters_of(params: Mapping[str, Any]) -> QueryDict:
    """The parameters worth keeping for a feed or an alert: filters, not page or sort."""
    kept = QueryDict(mutable=True)
    for key in sorted(params.keys()):
        if key in NOT_FILTERS or key.startswith("utm_"):
            continue
        values = params.getlist(key) if hasattr(params, "getlist") else [params[key]]
        values = [str(v)[:200] for v in values if str(v).strip()][:20]
        if values:
            kept.setlist(key[:40], values)
    return kept


def query_string(params: QueryDict) -> str:
    return urlencode(sorted((k, v) for k, values in params.lists() for v in values))


def _listing(page: Page, params: QueryDict) -> QuerySet:
    """The live items of a listing page matching `params`, as its listing narrows them
    (portal.listings.listing.FacetedListing.narrow)."""
    return page.listing_declaration.narrow(page, params)


def search_items(params: QueryDict, since: datetime.datetime | None) -> list[Item]:
    """The search's newest matches through the search contract and its engine."""
    from django.utils import timezone

    from search.contract import SearchQuery
    from search.engines import search_engine

    sorted_params = params.copy()
    sorted_params.setlist("sort", ["newest"])
    query, _ = SearchQuery.from_params(sorted_params)
    results = search_engine().search(query)
    items = []
    for hit in results.hits:
        date = hit.date or datetime.date.min
        updated = timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))
        if since is not None and hit.date is not None and updated <= since:
            continue
        items.append(Item(hit.key, hit.title, hit.url, str(hit.snippet_html), updated, hit.type_label))
    return items


def _model(path: str) -> Callable[[], type[Page]]:
    def load() -> type[Page]:
        from django.apps import apps

        return apps.get_model(path)

    return load


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source("resources", "Resources", "Resource", _model("resources.ResourceIndexPage"), _listing),
        Source(
            "placements", "Work placements", "Placement", _model("placements.PlacementIndexPage"), _listing
        ),
        Source("events", "Events", "Event", _model("events.EventIndexPage"), _listing),
        Source("stories", "Born and Bred stories", "Story", _model("stories.StoryIndexPage"), _listing),
        Source("post-16", "Post-16 options", "Provider", _model("directory.Post16IndexPage"), _listing),
        Source(
            "support-for-schools",
            "Support for schools",
            "Service",
            _model("directory.SupportIndexPage"),
            _listing,
        ),
        Source("search", "Search", "Result", _model("wagtailcore.Page")),
    )
}


def source_for_page(page: Page) -> Source | None:
    """The source whose listing `page` is, if any."""
    for source in SOURCES.values():
        if source.narrow is not None and isinstance(page.specific, source.model()):
            return source
    return None
