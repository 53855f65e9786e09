"""Every public page type runs a fixed, small number of database queries, whatever the amount of
content: measured on the demo content (a handful of items per listing), then again with every
listing grown past 200 items by bulk copies of real demo pages (bench.corpus, the benchmark's own
corpus builder, which copies their child rows, tags and places too).

Requests carry a session cookie, as an editor's would, so the page cache never answers them; each
page is requested once before it is measured, so per-process caches (the listings' facet indexes,
Wagtail's site root paths, content types) are warm, as they are in a running server."""

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bench.corpus import clone_pages
from directory.models import Post16IndexPage, ProviderPage, ServicePage, SupportIndexPage
from events.models import EventIndexPage, EventPage
from placements.models import PlacementIndexPage, PlacementPage
from portal.home.models import StandardPage
from resources.models import ResourcePage
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db(transaction=False)

CEILING = 15
GROWN_SIZE = 200


def _first(model: type[Page]) -> Page:
    return model.objects.live().public().order_by("path").first()


def _url(model: type[Page], suffix: str = "") -> Callable[[], str]:
    return lambda: _first(model).url + suffix


# Page type -> its address (found in the demo content, so the test follows the demo's slugs).
PAGE_TYPES: dict[str, Callable[[], str]] = {
    "home": lambda: "/",
    "standard page (accessibility statement)": _url(StandardPage),
    "resource bank, two filters": lambda: "/resources/?benchmark=6&key_stage=KS4",
    "resource bank, deep page": lambda: "/resources/?sort=title&page=9",
    "resource": _url(ResourcePage),
    "benchmark page": lambda: "/resources/benchmarks/6/",
    "benchmarks list": lambda: "/resources/benchmarks/",
    "placements, filtered": _url(PlacementIndexPage, "?key_stage=KS4&places_left=yes&sort=team"),
    "placement": _url(PlacementPage),
    "placement request form": _url(PlacementPage, "request/"),
    "services for schools, filtered": _url(SupportIndexPage, "?q=support"),
    "service": _url(ServicePage),
    "post-16 options": _url(Post16IndexPage),
    "post-16 comparison": _url(Post16IndexPage, "compare/"),
    "post-16 provider": _url(ProviderPage),
    "stories": _url(StoryIndexPage),
    "story": _url(StoryPage),
    "events": _url(EventIndexPage),
    "event": _url(EventPage),
    "events calendar feed": _url(EventIndexPage, "calendar.ics"),
    "search with facets": lambda: "/search/?q=careers&benchmark=6&key_stage=KS4",
    "search with no results": lambda: "/search/?q=zqxjvw",
    "search API": lambda: "/api/search/?q=work+experience&type=resource",
}

# What grows, and the rows each copy must bring along beyond its own child rows.
GROWN: tuple[tuple[type[Page], tuple[str, ...]], ...] = (
    (ResourcePage, ()),
    (PlacementPage, ("capacities",)),
    (ServicePage, ()),
    (ProviderPage, ()),
    (StoryPage, ()),
    (EventPage, ()),
)


def _queries(client: Client, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warms per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _measure(client: Client) -> dict[str, int]:
    return {name: _queries(client, address()) for name, address in PAGE_TYPES.items()}


def _grow() -> None:
    for model, also in GROWN:
        missing = GROWN_SIZE - model.objects.live().count()
        if missing > 0:
            clone_pages(_first(model).specific, missing, prefix="grown", also=also)
    call_command("search_index", "--rebuild", verbosity=0)


def test_every_public_page_type_runs_the_same_few_queries_with_200_items(demo) -> None:
    client = Client()
    client.cookies["sessionid"] = "not-a-session"  # bypasses the page cache, as an editor does
    few = _measure(client)
    _grow()
    many = _measure(client)

    table = "\n".join(f"{name:<42} {few[name]:>3} {many[name]:>3}" for name in PAGE_TYPES)
    assert all(model.objects.live().count() >= GROWN_SIZE for model, _ in GROWN)
    # The listings measured the grown content, not indexes and fragments cached before it grew.
    assert "(grown " in client.get(PAGE_TYPES["resource bank, deep page"]()).content.decode()
    assert few == many, f"query counts changed with more content:\n{table}"
    assert max(many.values()) <= CEILING, f"over the ceiling of {CEILING} queries:\n{table}"
