"""Query parameters of the Open Referral endpoints, checked strictly: a bad value is a 400 with a
problem body that names the parameter, never a guess and never a 500. Parameters an endpoint does
not know are ignored, as the standard expects."""

import datetime
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from ..vocabulary import TAXONOMY_BY_ID, TERM_BY_ID, Taxonomy, TaxonomyTerm

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_SEARCH_LENGTH = 200


class ApiError(Exception):
    """An error answered with an RFC 9457 problem body (the standard defines no error body)."""

    def __init__(self, status: int, title: str, detail: str, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.parameter = parameter


def bad_parameter(name: str, detail: str) -> ApiError:
    return ApiError(400, "Bad request", detail, parameter=name)


@dataclass(frozen=True)
class ListParams:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    term: TaxonomyTerm | None = None
    taxonomy: Taxonomy | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime.datetime | None = None
    parent_id: uuid.UUID | None = None
    top_only: bool = False
    postcode: str = ""


def _first(params: Mapping[str, Any], name: str) -> str | None:
    values = params.getlist(name)
    return values[0].strip() if values else None


def _whole_number(params: Mapping[str, Any], name: str, default: int, maximum: int) -> int:
    raw = _first(params, name)
    if raw is None or raw == "":
        return default
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        raise bad_parameter(name, f"{name} must be a whole number from 1 to {maximum}.")
    return int(raw)


def _uuid(params: Mapping[str, Any], name: str) -> uuid.UUID | None:
    raw = _first(params, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise bad_parameter(
            name, f"{name} must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2."
        ) from None


def _boolean(params: Mapping[str, Any], name: str) -> bool:
    raw = (_first(params, name) or "false").lower()
    if raw not in {"true", "false"}:
        raise bad_parameter(name, f"{name} must be true or false.")
    return raw == "true"


def _postcode(params: Mapping[str, Any]) -> str:
    """Only what a postcode is made of: other characters (NUL, which PostgreSQL refuses in a
    query, among them) would match nothing anyway."""
    return re.sub(r"[^A-Za-z0-9 ]", "", _first(params, "postcode") or "")[:10]


def _modified_after(params: Mapping[str, Any]) -> datetime.datetime | None:
    raw = _first(params, "modified_after")
    if not raw:
        return None
    try:
        moment = parse_datetime(raw.replace(" ", "+"))
        day = None if moment else parse_date(raw)
    except ValueError:
        moment = day = None
    if day is not None:
        moment = datetime.datetime.combine(day, datetime.time.min)
    if moment is not None:
        moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
        try:
            # The database compares in UTC, and 9999-12-31T23:00-05:00 has no UTC equivalent.
            moment = moment.astimezone(datetime.UTC)
        except OverflowError:
            moment = None
    if moment is None:
        raise bad_parameter(
            "modified_after",
            "modified_after must be a date or date and time, like 2026-01-31 or 2026-01-31T09:00:00Z.",
        )
    return moment


def list_params(params: Mapping[str, Any], accepts: frozenset[str]) -> ListParams:
    """The parameters in `accepts` (besides page, per_page and format, which every list takes)."""
    fmt = _first(params, "format")
    if fmt not in (None, "", "json"):
        raise bad_parameter("format", "Only format=json is supported.")
    search = (_first(params, "search") or "") if "search" in accepts else ""
    if len(search) > MAX_SEARCH_LENGTH:
        raise bad_parameter("search", f"search must be {MAX_SEARCH_LENGTH} characters or fewer.")
    term = taxonomy = None
    if "taxonomy_term_id" in accepts and (term_uuid := _uuid(params, "taxonomy_term_id")):
        # An id that is well formed but unknown matches nothing: an empty page, not an error.
        term = TERM_BY_ID.get(term_uuid) or _NO_TERM
    if "taxonomy_id" in accepts and (taxonomy_uuid := _uuid(params, "taxonomy_id")):
        taxonomy = TAXONOMY_BY_ID.get(taxonomy_uuid) or _NO_TAXONOMY
    return ListParams(
        page=_whole_number(params, "page", 1, MAX_PAGE),
        per_page=_whole_number(params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
        search=search.replace("\x00", ""),
        term=term,
        taxonomy=taxonomy,
        organization_id=_uuid(params, "organization_id") if "organization_id" in accepts else None,
        modified_after=_modified_after(params) if "modified_after" in accepts else None,
        parent_id=_uuid(params, "parent_id") if "parent_id" in accepts else None,
        top_only=_boolean(params, "top_only") if "top_only" in accepts else False,
        postcode=_postcode(params) if "postcode" in accepts else "",
    )


# Stand-ins for a well-formed id that names no term or taxonomy: they match no record.
_NO_TERM = TaxonomyTerm("", "", "", "")
_NO_TAXONOMY = Taxonomy("", "", "", ())


def matches_nothing(value: TaxonomyTerm | Taxonomy | None) -> bool:
    return value is _NO_TERM or value is _NO_TAXONOMY
