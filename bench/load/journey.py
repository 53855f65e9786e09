"""What the load test's visitors do, as plain functions: which filters and searches they choose,
which links they follow and what they type into the request-for-places form.

Kept apart from the locustfile because importing locust monkey-patches the standard library
(gevent); the tests import this module instead."""

import random
import re
from html.parser import HTMLParser
from urllib.parse import urlencode

SEARCH_TERMS = (
    "careers",
    "work experience",
    "apprenticeships",
    "college",
    "employer",
    "open day",
    "engineering",
    "T Levels",
    "placement",
    "parents",
)
BENCHMARKS = tuple(range(1, 9))
# Secondary key stages: the ones the portal's placements, post-16 pages and most resources serve.
KEY_STAGES = ("KS3", "KS4", "KS5")

RESOURCE_LINK = re.compile(r'href="(/resources/(?!benchmarks/)[a-z0-9-]+/)"')
PLACEMENT_LINK = re.compile(r'href="(/placements/(?!requests/)[a-z0-9-]+/[a-z0-9-]+/)"')
EVENT_LINK = re.compile(r'href="(/events/[a-z0-9-]+/)"')
EVENT_ICS_LINK = re.compile(r'href="(/events/[a-z0-9-]+/event\.ics)"')
# "Ask for places" links name one window that has places left (?window=<id> preselects it).
REQUEST_LINK = re.compile(r'href="(/placements/[a-z0-9-]+/[a-z0-9-]+/request/\?window=\d+)"')

# A fictional coordinator: a role at an example.org address, as the demo content uses.
COORDINATOR = {
    "contact_name": "Careers coordinator (load test)",
    "contact_email": "careers.coordinator@example.org",
    "contact_phone": "01642 000000",
    "young_people": "1",
    "organisation_name": "",
    "adjustments_needed": "",
}


def links(html: str, pattern: re.Pattern[str]) -> list[str]:
    """The distinct links in `html` that match `pattern`, in page order."""
    return list(dict.fromkeys(pattern.findall(html)))


def resource_filters(rng: random.Random) -> str:
    """A teacher narrowing the resource bank: one benchmark and one key stage."""
    return urlencode({"benchmark": rng.choice(BENCHMARKS), "key_stage": rng.choice(KEY_STAGES)})


def search_query(rng: random.Random) -> str:
    """A search with one or two facets ticked, as the search page's checkboxes send them."""
    params = [("q", rng.choice(SEARCH_TERMS)), ("benchmark", rng.choice(BENCHMARKS))]
    if rng.random() < 0.5:
        params.append(("key_stage", rng.choice(KEY_STAGES)))
    return urlencode(params)


class _PostForm(HTMLParser):
    """Collects the fields of the page's first POST form: hidden values, and the checked (else
    the first offered) value of every radio group, checkbox group and select (the empty "not on
    the list" option excluded)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_form = self.done = False
        self.select: str | None = None
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "form" and not self.done and attr.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attr.get("name", "")
        if tag == "input" and attr.get("type") in ("hidden", "radio", "checkbox"):
            if "checked" in attr:
                self.fields[name] = attr.get("value", "")
            else:
                self.fields.setdefault(name, attr.get("value", ""))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and attr.get("value"):
            self.fields.setdefault(self.select, attr["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def request_form_data(html: str) -> dict[str, str]:
    """Valid answers to the request-for-places form on `html`: the preselected (else first) dates,
    the first setting, school and year group offered, the CSRF token, and the coordinator's
    contact details."""
    parser = _PostForm()
    parser.feed(html)
    if "csrfmiddlewaretoken" not in parser.fields:
        raise ValueError("No request form (with a CSRF token) on this page.")
    return {**parser.fields, **COORDINATOR}
