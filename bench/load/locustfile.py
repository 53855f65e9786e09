"""`make load`: visitors on a mixed journey, plus one school coordinator asking for places.

Run it through `python -m bench.load.run`, which builds the demo portal and summarises the result.
Every request is named after its step, so locust reports percentiles per step. A response counts as
an error unless it is a 200 with the content the step expects (a 429 from a rate limit is an error).

Only ever aimed at 127.0.0.1: locust refuses to start against any other host."""

import os
import random
import sys

from locust import FastHttpUser, SequentialTaskSet, between, constant_pacing, events, task

from bench.load.journey import (
    EVENT_ICS_LINK,
    EVENT_LINK,
    PLACEMENT_LINK,
    REQUEST_LINK,
    RESOURCE_LINK,
    links,
    request_form_data,
    resource_filters,
    search_query,
)
from bench.load.server import NotLoopback, require_loopback

# The request form allows 10 posts a minute from one address (django-ratelimit, not relaxed here).
# It counts REMOTE_ADDR, never X-Forwarded-For (which anyone can send), so every simulated user is
# the same 127.0.0.1: the coordinator posts at most once every 8 seconds, under the limit.
POST_EVERY_SECONDS = 8
THINK_SECONDS = float(os.environ.get("LOAD_THINK_SECONDS", "1"))


@events.init.add_listener
def _refuse_other_hosts(environment, **kwargs) -> None:
    try:
        require_loopback(environment.host or "")
    except NotLoopback as exc:
        sys.exit(f"bench/load: {exc}")


class Step:
    """One named request whose response must be a 200 containing `expect`."""

    def __init__(self, user: FastHttpUser) -> None:
        self.client = user.client

    def get(self, name: str, path: str, expect: str = "<h1") -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            body = response.text or ""
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif expect not in body:
                response.failure(f"no {expect!r} in the page")
            return body


class VisitorJourney(SequentialTaskSet):
    """Home, the resource bank narrowed by filters, a resource, search with facets, the placement
    directory and a placement, post-16 options, events, an event and its calendar file."""

    def on_start(self) -> None:
        self.rng = random.Random()
        self.step = Step(self.user)
        self.page = ""

    def follow(self, pattern, fallback: str) -> str:
        """A link from the last page matching `pattern`, or `fallback` if it has none."""
        found = links(self.page, pattern)
        return self.rng.choice(found) if found else fallback

    @task
    def home(self) -> None:
        self.page = self.step.get("01 home", "/")

    @task
    def resources(self) -> None:
        self.page = self.step.get("02 resources, filtered", f"/resources/?{resource_filters(self.rng)}")
        if not links(self.page, RESOURCE_LINK):  # nothing matched: the teacher clears the filters
            self.page = self.step.get("02 resources, filters cleared", "/resources/")

    @task
    def resource(self) -> None:
        self.step.get("03 resource page", self.follow(RESOURCE_LINK, "/resources/"))

    @task
    def search(self) -> None:
        self.step.get("04 search with facets", f"/search/?{search_query(self.rng)}")

    @task
    def placements(self) -> None:
        self.page = self.step.get("05 placements", "/placements/")

    @task
    def placement(self) -> None:
        self.step.get("06 placement page", self.follow(PLACEMENT_LINK, "/placements/"))

    @task
    def post_16(self) -> None:
        self.step.get("07 post-16", "/post-16/")

    @task
    def events(self) -> None:
        self.page = self.step.get("08 events", "/events/")

    @task
    def event(self) -> None:
        self.page = self.step.get("09 event page", self.follow(EVENT_LINK, "/events/"))

    @task
    def calendar(self) -> None:
        self.step.get("10 event .ics", self.follow(EVENT_ICS_LINK, "/events/calendar.ics"), "BEGIN:VCALENDAR")


class Visitor(FastHttpUser):
    """Teachers, parents and young people: a pause between pages of THINK_SECONDS on average
    (0 makes it a stress test: every user asks again as soon as it has an answer)."""

    tasks = [VisitorJourney]
    wait_time = between(0.5 * THINK_SECONDS, 1.5 * THINK_SECONDS)


class Coordinator(FastHttpUser):
    """Exactly one user: a school coordinator who asks for places every POST_EVERY_SECONDS."""

    fixed_count = 1
    wait_time = constant_pacing(POST_EVERY_SECONDS)

    def on_start(self) -> None:
        self.rng = random.Random()
        self.step = Step(self)

    @task
    def ask_for_places(self) -> None:
        listing = self.step.get("05 placements", "/placements/")
        placement = self.rng.choice(links(listing, PLACEMENT_LINK) or ["/placements/"])
        windows = links(self.step.get("06 placement page", placement), REQUEST_LINK)
        if not windows:  # this placement has no dates with places left
            return
        chosen = self.rng.choice(windows)
        form = self.step.get("11 request form", chosen)
        with self.client.post(  # the form's action is "": the page's own URL
            chosen,
            data=request_form_data(form),
            name="12 request sent (POST)",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or "/sent/" not in str(response.url):
                response.failure(f"HTTP {response.status_code} at {response.url}")
