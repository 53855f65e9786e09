"""Hostile input (the security checklist's hostile-input part): every public query parameter, path segment and form field gets
the corpus of bad values in tests/security/corpus.py. The answer is always a page or a 4xx, never a
5xx; HTML never echoes markup unescaped; a form that refuses a value stores nothing and sends no
email; and what a form accepts is stored clean (no NUL or control characters, within its length).

The tables below are the public surface, read from the code (portal/urls.py, each app's urls.py,
the RoutablePageMixin routes and the views): add a row when you add a parameter or a form.

How the cases are spread, to keep the module near a minute on SQLite:
- Lenient pages (listings, search) ignore a bad value with a message and read every parameter
  whatever the others hold, so each page gets every corpus value in *all* its parameters at once
  (the megabyte value goes to one parameter at a time).
- Strict endpoints (the Open Referral API, the booklet) answer 400 at the first bad parameter,
  which would hide the rest, so their parameters get values one at a time: the whole corpus the
  first time a parameter name appears (the API's endpoints share one parser), the SHARP values
  (those most likely to break a parser) after that.
- Forms: every corpus value in all fields at once, then each field on its own with the others
  valid: the whole corpus for free text, the SHARP values for choices, numbers and addresses."""

import json
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from directory.models import ReferralEnquiry
from placements.models import PlacementRequest, RequestEvent, WindowCapacity
from publishing.models import ContributorRequest

from .conftest import Portal
from .corpus import CORPUS, FORM_CORPUS, SCRIPT, SHARP, UNESCAPED_MARKUP, Bad

pytestmark = pytest.mark.django_db

# --- The public surface: query parameters -------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """A public address ({key} is a page of the test portal) and the query parameters it reads.
    `strict`: it answers 400 at the first bad parameter, so parameters are tried one at a time."""

    name: str
    url: str
    params: tuple[str, ...]
    strict: bool = False


SEARCH = ("q", "type", "benchmark", "key_stage", "audience", "setting", "places", "tag", "sort", "page")
ORUK_LIST = ("page", "per_page", "format", "search")
ORUK_SERVICES = (*ORUK_LIST, "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")
PLACEMENT_FILTERS = ("q", "key_stage", "activity", "setting", "adjustment", "area", "team", "month")

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "resources",
        "{resources}",
        ("benchmark", "key_stage", "type", "audience", "setting", "tag") + ("sort", "page"),
    ),
    Endpoint("search", "/search/", SEARCH),
    Endpoint("search-api", "/api/search/", SEARCH),
    Endpoint("suggest-api", "/api/search/suggest/", ("q",)),
    Endpoint("placements", "{placements}", (*PLACEMENT_FILTERS, "from", "to", "places_left", "sort", "page")),
    Endpoint("placement-request-form", "{placement_request}", ("window",)),
    Endpoint("services", "{services}", ("q", "phase", "need", "type", "cost", "sort", "page")),
    Endpoint("booklet", "/support-for-schools/booklet.pdf", ("phase",), strict=True),
    Endpoint("post-16", "{post16}", ("route", "level", "type", "page")),
    Endpoint("post-16-compare", "{post16}compare/", ("route",)),
    Endpoint("stories", "{stories}", ("sector", "route", "page")),
    Endpoint("story", "{story}", ("play",)),
    Endpoint("events", "{events}", ("type", "audience", "month", "when", "page")),
    Endpoint("events-feed", "{events}calendar.ics", ("type", "audience", "month", "when")),
    Endpoint("admin-login", "/admin/login/", ("next",)),
    Endpoint("oruk-api", "/openreferral/", ("format",), strict=True),
    Endpoint("oruk-services", "/openreferral/services", ORUK_SERVICES, strict=True),
    Endpoint(
        "oruk-service-at-locations",
        "/openreferral/service_at_locations",
        (*ORUK_SERVICES, "postcode"),
        strict=True,
    ),
    Endpoint("oruk-organizations", "/openreferral/organizations", ORUK_LIST, strict=True),
    Endpoint("oruk-taxonomies", "/openreferral/taxonomies", ORUK_LIST, strict=True),
    Endpoint(
        "oruk-taxonomy-terms",
        "/openreferral/taxonomy_terms",
        (*ORUK_LIST, "taxonomy_id", "parent_id", "top_only"),
        strict=True,
    ),
)

# Every HTML page echoes `q` into the header's search box; these pages read nothing else.
PAGES: tuple[tuple[str, str], ...] = (
    ("home", "/"),
    ("not-found", "/no-such-page/"),
    ("resource", "{resource}"),
    ("benchmark-list", "{resources}benchmarks/"),
    ("benchmark-page", "{resources}benchmarks/6/"),
    ("placement", "{placement}"),
    ("request-status", "{request_status}"),
    ("request-sent", "{request_status}sent/"),
    ("service-and-enquiry-form", "{service}"),
    ("enquiry-sent", "{service}enquiry-sent/"),
    ("provider", "{provider}"),
    ("post-16-guide", "{guide}"),
    ("event", "{event}"),
    ("event-ics", "{event}event.ics"),
    ("contributor-request-form", "/contributors/request-account/"),
    ("contributor-request-sent", "/contributors/request-account/sent/"),
    ("contributor-confirm", "{confirm_address}"),
    ("page-password-form", "{page_password}"),
    ("document-password-form", "{document_password}"),
    ("site-login-form", "/_util/login/"),
)

# Addresses with a hostile path segment in place of {}: signed links, ids, route numbers, slugs.
PATHS: tuple[tuple[str, str], ...] = (
    ("any-page", "/{}/"),
    ("resource-slug", "{resources}{}/"),
    ("benchmark-number", "{resources}benchmarks/{}/"),
    ("request-status-link", "{placements}requests/{}/"),
    ("request-sent-link", "{placements}requests/{}/sent/"),
    ("contributor-confirm-link", "/contributors/confirm/{}/"),
    ("event-feed-file", "{events}{}.ics"),
    ("oruk-service-id", "/openreferral/services/{}"),
    ("oruk-organization-id", "/openreferral/organizations/{}"),
    ("oruk-taxonomy-id", "/openreferral/taxonomies/{}"),
    ("oruk-taxonomy-term-id", "/openreferral/taxonomy_terms/{}"),
    ("document-id", "/documents/{}/file.pdf"),
    ("document-file-name", "/documents/1/{}"),
    ("page-password-ids", "/_util/authenticate_with_password/{}/{}/"),
    ("document-password-id", "/documents/authenticate_with_password/{}/"),
)
# Signed links that also take a POST (cancel a request, confirm an address).
POSTED_PATHS = {
    "request-status-link",
    "contributor-confirm-link",
    "page-password-ids",
    "document-password-id",
}

# --- The public surface: forms ------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A form field: `kind` is text (one line), textarea, email, phone, count, choice, choices
    (several), consent (a checkbox) or secret (sign-in details)."""

    name: str
    kind: str
    required: bool = True
    max_length: int | None = None


@dataclass(frozen=True)
class Form:
    """A public form: where it posts, its fields, the tables a submission may write to (the first
    holds the submission), whether even a valid submission writes nothing (sign-in, password
    reset), and what its page shows when it refuses a submission."""

    name: str
    url: str
    fields: tuple[Field, ...]
    watched: tuple[type[models.Model], ...]
    stores: bool = True
    error_markers: tuple[bytes, ...] = (b"govuk-error-summary",)


ADMIN_ERRORS = (b'class="error"', b"error-message")
WAGTAIL_FORM_ERRORS = (b"errorlist", b"didn&#x27;t match")

FORMS: tuple[Form, ...] = (
    Form(
        "placement-request",
        "{placement_request}",
        (
            Field("window", "choice"),
            Field("setting", "choice"),
            Field("school", "choice", required=False),
            Field("organisation_name", "text", required=False, max_length=150),
            Field("contact_name", "text", max_length=100),
            Field("contact_email", "email", max_length=254),
            Field("contact_phone", "phone", max_length=20),
            Field("young_people", "count"),
            Field("year_groups", "choices"),
            Field("adjustments_needed", "textarea", required=False, max_length=1000),
        ),
        (PlacementRequest, RequestEvent, WindowCapacity),
    ),
    Form(
        "referral-enquiry",
        "{service}",
        (
            Field("school", "choice"),
            Field("school_name", "text", required=False, max_length=150),
            Field("contact_name", "text", max_length=120),
            Field("contact_role", "text", required=False, max_length=120),
            Field("email", "email", max_length=254),
            Field("phone", "phone", required=False, max_length=30),
            Field("support_sought", "textarea", max_length=2000),
            Field("no_pupil_details", "consent"),
        ),
        (ReferralEnquiry,),
    ),
    Form(
        "contributor-request",
        "/contributors/request-account/",
        (
            Field("name", "text", max_length=120),
            Field("email", "email", max_length=254),
            Field("school", "choice"),
            Field("role_at_school", "text", max_length=120),
        ),
        (ContributorRequest, get_user_model()),
    ),
    Form(
        "admin-login",
        "/admin/login/",
        (Field("username", "secret"), Field("password", "secret"), Field("next", "text", required=False)),
        (Session, get_user_model()),
        stores=False,
        error_markers=ADMIN_ERRORS,
    ),
    Form(
        "site-login",  # Wagtail's sign-in for private pages
        "/_util/login/",
        (Field("username", "secret"), Field("password", "secret"), Field("next", "text", required=False)),
        (Session, get_user_model()),
        stores=False,
        error_markers=WAGTAIL_FORM_ERRORS,
    ),
    Form(
        "page-password",  # Wagtail's form for a page behind a shared password
        "{page_password}",
        (Field("password", "secret"), Field("return_url", "text", required=False)),
        (Session, PageViewRestriction),
        stores=False,
        error_markers=WAGTAIL_FORM_ERRORS,
    ),
    Form(
        "document-password",  # Wagtail's form for documents behind a shared password
        "{document_password}",
        (Field("password", "secret"), Field("return_url", "text", required=False)),
        (Session, CollectionViewRestriction),
        stores=False,
        error_markers=WAGTAIL_FORM_ERRORS,
    ),
    Form(
        "password-reset",
        "/admin/password_reset/",
        (Field("email", "email", max_length=254),),
        (get_user_model(),),
        stores=False,
        error_markers=ADMIN_ERRORS,
    ),
)

# --- Answers ------------------------------------------------------------------------------------


def address(template: str, portal: Portal) -> str:
    """The address with each {page} replaced by that page's URL in the test portal."""
    return re.sub(r"\{(\w+)\}", lambda match: portal.urls[match[1]], template)


def fresh_client() -> Client:
    """A first visitor: nothing remembered, rate limits and page caches forgotten. A view's
    exception becomes the 500 a visitor would get (kept on the response for the message), so one
    case's failure does not hide the next one's."""
    cache.clear()
    return Client(raise_request_exception=False)


def raised(response) -> str:
    """The exception behind a 500, for the failure message."""
    info = getattr(response, "exc_info", None)
    if not info:
        return ""
    frame = traceback.extract_tb(info[2])[-1]
    return f"({info[0].__name__}: {str(info[1])[:120]} at {frame.filename}:{frame.lineno})"


def problems_with(response, what: str) -> list[str]:
    """Everything wrong with a GET's answer: anything but a 200 or a 4xx, markup echoed unescaped
    in HTML, a JSON body that does not parse."""
    status, kind = response.status_code, response.get("Content-Type", "")
    if not (status == 200 or 400 <= status < 500):
        return [f"{what}: status {status} {raised(response)}"]
    if kind.startswith("text/html"):
        return [f"{what}: echoed {m!r} unescaped" for m in UNESCAPED_MARKUP if m in response.content]
    if "json" in kind:
        try:
            json.loads(response.content)
        except ValueError:
            return [f"{what}: the JSON does not parse"]
    return []


def get_all(portal: Portal, cases: list[tuple[str, str]]) -> list[str]:
    """GET each (label, address?query) and list every problem, so one failure shows them all."""
    client = fresh_client()
    found = []
    for label, target in cases:
        found += problems_with(client.get(address(target, portal)), label)
    return found


def query(params: tuple[str, ...], bad: Bad) -> str:
    return "&".join(pair for param in params for pair in bad.pairs(param))


# --- Query parameters ---------------------------------------------------------------------------


def too_big_for_every_parameter(bad: Bad, params: tuple[str, ...]) -> bool:
    """A megabyte in every parameter, or more fields than Django reads: one parameter at a time."""
    fields = len(bad.raw) * len(params)
    return len(params) > 1 and (
        fields > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or len("".join(bad.raw)) > 50_000
    )


def one_at_a_time() -> list[Any]:
    """(endpoint, parameter, values) for the values a parameter gets on its own (see above)."""
    cases, seen = [], set()
    for endpoint in ENDPOINTS:
        for param in endpoint.params:
            if not endpoint.strict:
                values = [bad for bad in CORPUS if too_big_for_every_parameter(bad, endpoint.params)]
            else:
                values = list(SHARP if param in seen else CORPUS)
                seen.add(param)
            if values:
                cases.append(pytest.param(endpoint, param, values, id=f"{endpoint.name}-{param}"))
    return cases


@pytest.mark.parametrize("endpoint", [pytest.param(e, id=e.name) for e in ENDPOINTS if not e.strict])
def test_every_value_in_every_parameter_at_once(portal, endpoint):
    cases = [
        (f"all={bad.name}", f"{endpoint.url}?{query(endpoint.params, bad)}")
        for bad in CORPUS
        if not too_big_for_every_parameter(bad, endpoint.params)
    ]
    assert not (found := get_all(portal, cases)), "\n".join(found)


@pytest.mark.parametrize(("endpoint", "param", "values"), one_at_a_time())
def test_each_parameter_on_its_own(portal, endpoint, param, values):
    cases = [(f"{param}={bad.name}", f"{endpoint.url}?{query((param,), bad)}") for bad in values]
    assert not (found := get_all(portal, cases)), "\n".join(found)


@pytest.mark.parametrize(("name", "url"), [pytest.param(*row, id=row[0]) for row in PAGES])
def test_every_page_escapes_the_search_box(portal, name, url):
    cases = [(f"q={bad.name}", f"{url}?{query(('q',), bad)}") for bad in SHARP]
    assert not (found := get_all(portal, cases)), "\n".join(found)


# --- Path segments ------------------------------------------------------------------------------

PATH_VALUES = [bad for bad in CORPUS if len(bad.raw) == 1 and len(bad.raw[0]) < 20_000]


@pytest.mark.parametrize(("name", "url"), [pytest.param(*row, id=row[0]) for row in PATHS])
def test_every_path_segment_survives_every_hostile_value(portal, name, url):
    targets = [(bad.name, url.replace("{}", bad.raw[0] or "%20")) for bad in PATH_VALUES]
    found = get_all(portal, [(f"{name}={label}", target) for label, target in targets])
    if name in POSTED_PATHS:
        client = fresh_client()
        for label, target in targets:
            status = (response := client.post(address(target, portal))).status_code
            if not 400 <= status < 500:
                found.append(f"POST {name}={label}: status {status} {raised(response)}")
    assert not found, "\n".join(found)


# --- Forms --------------------------------------------------------------------------------------


def snapshot(watched: tuple[type[models.Model], ...]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a form may write to, so an update is caught as well as an insert."""
    return {model.__name__: list(model.objects.order_by("pk").values_list()) for model in watched}


def form_body(valid: dict[str, list[str]], hostile: dict[str, Bad]) -> str:
    """A urlencoded body: the valid values, with each field in `hostile` replaced by its value."""
    pairs = [
        f"{name}={quote(value, safe='')}"
        for name, values in valid.items()
        if name not in hostile
        for value in values
    ]
    return "&".join(pairs + [pair for name, bad in hostile.items() for pair in bad.pairs(name)])


def must_refuse(field: Field, bad: Bad, offered: list[str]) -> bool:
    """Whether a value has to be refused. Any other value may be refused or accepted, but what is
    accepted must be stored clean (see `stored_problems`)."""
    values = [value.strip() for value in bad.values]
    value = values[-1] if values else ""  # a single-valued field reads the last copy
    if field.kind == "secret":
        return True  # nothing in the corpus is the test account's name or password
    if not value:
        return field.required
    if field.kind in {"text", "textarea"}:
        return "\x00" in value or len(value) > (field.max_length or len(value))
    if field.kind == "email":
        return not is_email(value)
    if field.kind == "phone":
        return sum(c in "0123456789" for c in value) < 10 or not re.fullmatch(r"\+?[\d\s()-]+", value)
    if field.kind == "choice":
        return value not in offered
    if field.kind == "choices":
        return not set(values) <= set(offered)
    if field.kind == "count":
        return not (value.isdecimal() and 1 <= int(value) <= 30)
    if field.kind == "consent":
        return value.lower() in {"false", "0"}
    raise AssertionError(f"unknown kind of field: {field.kind}")


def is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _no_controls(text: str, allowed: str = "") -> bool:
    return not any((ord(c) < 32 or 127 <= ord(c) < 160) and c not in allowed for c in text)


# What accepted text may contain: one line holds no control characters (they break emails, CSV
# exports and logs); several lines may hold line breaks and tabs.
CLEAN: dict[str, Callable[[str], bool]] = {
    "text": _no_controls,
    "email": _no_controls,
    "phone": _no_controls,
    "textarea": lambda text: _no_controls(text, allowed="\r\n\t"),
}


def stored_problems(form: Form, field: Field, before: dict) -> list[str]:
    """What is wrong with what an accepted submission wrote: exactly one new row, clean text."""
    model = form.watched[0]
    new = model.objects.exclude(pk__in=[row[0] for row in before[model.__name__]])
    if new.count() != 1:
        return [f"{new.count()} new {model.__name__} rows"]
    value = getattr(new.get(), field.name, None)
    if not isinstance(value, str) or field.kind not in CLEAN:
        return []
    if len(value) > (field.max_length or len(value)) or not CLEAN[field.kind](value):
        return [f"stored {field.name}={value[:60]!r}"]
    return []


def post(portal: Portal, form: Form, hostile: dict[str, Bad]) -> tuple[Any, dict, int]:
    """Send the form with `hostile` values; the response, the tables before and the emails before."""
    before, sent = snapshot(form.watched), len(mail.outbox)
    body = form_body(portal.valid[form.name], hostile)
    response = fresh_client().post(
        address(form.url, portal), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500, f"status {response.status_code} {raised(response)}"
    return response, before, sent


def assert_refused(form: Form, response, before: dict, sent: int) -> None:
    """Nothing written, nothing emailed, and either a 4xx or the form again with its errors."""
    assert snapshot(form.watched) == before, "a refused submission changed the database"
    assert len(mail.outbox) == sent, "a refused submission sent an email"
    if form.stores or not 300 <= response.status_code < 400:
        assert response.status_code >= 400 or any(m in response.content for m in form.error_markers)
    assert not any(marker in response.content for marker in UNESCAPED_MARKUP)


@pytest.mark.parametrize(
    ("form", "bad"), [pytest.param(f, b, id=f"{f.name}-{b.name}") for f in FORMS for b in FORM_CORPUS]
)
def test_every_value_in_every_field_at_once_is_refused(portal, form, bad):
    """No form accepts the same hostile value in every field (each has an email address, or is
    the sign-in), and Django checks every field, so each field's checks meet every value."""
    response, before, sent = post(portal, form, {field.name: bad for field in form.fields})
    assert_refused(form, response, before, sent)


FREE_TEXT = {"text", "textarea"}
FIELD_CASES = [
    pytest.param(form, field, bad, id=f"{form.name}-{field.name}-{bad.name}")
    for form in FORMS
    for field in form.fields
    for bad in (FORM_CORPUS if field.kind in FREE_TEXT else (bad for bad in FORM_CORPUS if bad.sharp))
]


@pytest.mark.parametrize(("form", "field", "bad"), FIELD_CASES)
def test_each_field_on_its_own_is_refused_or_stored_clean(portal, form, field, bad):
    response, before, sent = post(portal, form, {field.name: bad})
    redirected = 300 <= response.status_code < 400
    if redirected and not form.stores and field.kind != "secret":
        # Signed in (or sent a reset link) with a hostile `next`: it must stay on this site.
        location = response["Location"]
        assert url_has_allowed_host_and_scheme(location, {"testserver"}), f"redirected to {location!r}"
    elif redirected and form.stores:
        assert not must_refuse(field, bad, portal.choices[form.name].get(field.name, [])), (
            f"accepted {field.name}={bad.name}"
        )
        assert not (problems := stored_problems(form, field, before)), problems
    else:
        assert_refused(form, response, before, sent)


# --- Other methods ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "DELETE", "OPTIONS"])
def test_other_methods_change_nothing_and_never_fail(portal, method):
    """Forms act on POST only: any other method with a body is answered, never a 5xx, and writes
    nothing."""
    watched = tuple(dict.fromkeys(model for form in FORMS for model in form.watched))
    before = snapshot(watched)
    urls = dict.fromkeys([e.url for e in ENDPOINTS] + [url for _, url in PAGES] + [f.url for f in FORMS])
    client = fresh_client()
    found = []
    for url in urls:
        response = client.generic(
            method, address(url, portal), "contact_name=x", "application/x-www-form-urlencoded"
        )
        if response.status_code >= 500:
            found.append(f"{method} {url}: status {response.status_code} {raised(response)}")
    assert not found, "\n".join(found)
    assert snapshot(watched) == before


# --- Messages and limits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("{resources}", "benchmark"),
        ("/search/", "key_stage"),
        ("{placements}", "month"),
        ("{services}", "phase"),
        ("{post16}", "route"),
        ("{stories}", "sector"),
        ("{events}", "when"),
    ],
)
def test_a_listing_says_which_value_it_ignored(portal, url, param):
    response = fresh_client().get(address(url, portal), {param: SCRIPT})
    assert response.status_code == 200
    assert b"we know" in response.content
    assert b"&lt;script&gt;alert(1)" in response.content  # shown escaped (perhaps shortened)


@pytest.mark.usefixtures("one_rate_window")
@pytest.mark.parametrize("url", ["{page_password}", "{document_password}"])
def test_wagtails_password_forms_are_rate_limited(portal, settings, url):
    settings.RATELIMIT_ENABLE = True
    client = fresh_client()
    target = address(url, portal)
    statuses = [client.post(target, {"password": "a guess"}).status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


@pytest.mark.usefixtures("one_rate_window")
def test_the_sign_in_for_private_pages_is_rate_limited(portal, settings):
    settings.RATELIMIT_ENABLE = True
    client = fresh_client()
    statuses = [
        client.post("/_util/login/", {"username": "officer", "password": "a guess"}).status_code
        for _ in range(11)
    ]
    assert statuses[10] == 429
