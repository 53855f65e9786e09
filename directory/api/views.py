"""The Open Referral UK 3.0 endpoints. Read-only: GET and HEAD answer, OPTIONS says so, anything
else is a 405. Every response, errors included, carries `Access-Control-Allow-Origin: *`."""

import json
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from ..vocabulary import TAXONOMIES, TAXONOMY_BY_ID, TERM_BY_ID
from . import records, serializers
from .paging import Source, paged
from .params import ApiError, list_params

READ_METHODS = "GET, HEAD, OPTIONS"
SERVICE_FILTERS = frozenset(
    {"search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"}
)
ORUK_SCHEMA_BASE = "https://openreferraluk.org/specifications/3.0/"

JsonView = Callable[..., dict[str, Any]]


def _json(data: dict[str, Any], status: int = 200, content_type: str = "application/json") -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type=f"{content_type}; charset=utf-8"
    )


def problem(status: int, title: str, detail: str, parameter: str | None = None) -> HttpResponse:
    """An RFC 9457 problem body: the standard defines no error body, so we use the web's."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if parameter:
        body["invalid_params"] = [{"name": parameter, "reason": detail}]
    return _json(body, status=status, content_type="application/problem+json")


def endpoint(view: JsonView) -> Callable[..., HttpResponse]:
    """Wrap a view that returns JSON data: methods, errors and CORS in one place. CSRF does not
    apply: nothing here changes anything, and a POST must get a 405, not a CSRF page."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = READ_METHODS
        elif request.method not in {"GET", "HEAD"}:
            response = problem(405, "Method not allowed", "This API is read-only: use GET.")
        else:
            try:
                response = _json(view(request, *args, **kwargs))
            except ApiError as error:
                response = problem(error.status, error.title, error.detail, error.parameter)
        if response.status_code in {204, 405}:
            response["Allow"] = READ_METHODS
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _id(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ApiError(
            400, "Bad request", f"A {what} id is a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2.", "id"
        ) from None


def _not_found(what: str) -> ApiError:
    return ApiError(404, "Not found", f"There is no {what} with this id.")


# Querysets with what the serializers read, in a fixed number of queries per page ---------------


def _services_for_list(services: Any) -> Any:
    return services.select_related("team", "partner").prefetch_related("phases")


def _services_for_detail(services: Any) -> Any:
    return _services_for_list(services).prefetch_related("needs", "benchmarks", "contacts", "locations")


def _routes(routes: Any) -> Any:
    return routes.select_related("page", "page__location")


# Endpoints ------------------------------------------------------------------------------------


@endpoint
def api_details(request: HttpRequest) -> dict[str, Any]:
    return {
        "version": "HSDS-UK-3.0",
        "profile": ORUK_SCHEMA_BASE,
        "openapi_url": ORUK_SCHEMA_BASE + "openapi.json",
    }


@endpoint
def services(request: HttpRequest) -> dict[str, Any]:
    params = list_params(request.GET, SERVICE_FILTERS)
    return paged(
        [
            Source(
                _services_for_list(records.support_services(params)),
                lambda s: serializers.service_summary(request, s),
            ),
            Source(_routes(records.post16_routes(params)), lambda r: serializers.route_summary(request, r)),
        ],
        params.page,
        params.per_page,
    )


@endpoint
def service(request: HttpRequest, id: str) -> dict[str, Any]:
    oruk_id = _id(id, "service")
    if found := _services_for_detail(records.live_services()).filter(oruk_id=oruk_id).first():
        return serializers.service_detail(request, found)
    if route := _routes(records.live_routes()).filter(oruk_id=oruk_id).first():
        return serializers.route_detail(request, route)
    raise _not_found("service")


@endpoint
def organizations(request: HttpRequest) -> dict[str, Any]:
    params = list_params(request.GET, frozenset({"search"}))
    council, teams, partners, providers = records.organizations(params)
    return paged(
        [
            Source(council, lambda _: serializers.council(request)),
            Source(teams, serializers.team_organization),
            Source(partners, serializers.partner_organization),
            Source(providers, lambda p: serializers.provider_organization(request, p)),
        ],
        params.page,
        params.per_page,
    )


@endpoint
def organization(request: HttpRequest, id: str) -> dict[str, Any]:
    owner = records.find_organization(_id(id, "organization"))
    if owner is None:
        raise _not_found("organization")
    if owner.council:
        return serializers.council(request, full=True) | {"services": []}
    if owner.provider:
        routes = _routes(records.live_routes().filter(page=owner.provider)).order_by("sort_order", "pk")
        return serializers.provider_organization(request, owner.provider) | {
            "services": [serializers.route_summary(request, route) for route in routes]
        }
    if owner.team:
        data, services = (
            serializers.team_organization(owner.team),
            records.live_services().filter(team=owner.team),
        )
    else:
        data, services = (
            serializers.partner_organization(owner.partner),
            records.live_services().filter(partner=owner.partner),
        )
    return data | {
        "services": [
            serializers.service_summary(request, s)
            for s in _services_for_list(services).order_by("title", "pk")
        ]
    }


@endpoint
def service_at_locations(request: HttpRequest) -> dict[str, Any]:
    params = list_params(request.GET, SERVICE_FILTERS | {"postcode"})
    links, routes = records.service_location_links(params)
    links = links.select_related("servicepage__team", "servicepage__partner").prefetch_related(
        "servicepage__phases"
    )
    return paged(
        [
            Source(
                links,
                lambda link: serializers.service_at_location(
                    records.ServiceAtLocation(link.servicepage, link.location),
                    service=serializers.service_summary(request, link.servicepage),
                ),
            ),
            Source(
                _routes(routes),
                lambda route: serializers.service_at_location(
                    records.ServiceAtLocation(route, route.page.location),
                    service=serializers.route_summary(request, route),
                ),
            ),
        ],
        params.page,
        params.per_page,
    )


@endpoint
def taxonomies(request: HttpRequest) -> dict[str, Any]:
    params = list_params(request.GET, frozenset({"search"}))
    words = params.search.lower().split()
    found = [t for t in TAXONOMIES if all(word in f"{t.name} {t.description}".lower() for word in words)]
    return paged([Source(found, serializers.taxonomy)], params.page, params.per_page)


@endpoint
def taxonomy(request: HttpRequest, id: str) -> dict[str, Any]:
    found = TAXONOMY_BY_ID.get(_id(id, "taxonomy"))
    if found is None:
        raise _not_found("taxonomy")
    return serializers.taxonomy(found)


@endpoint
def taxonomy_terms(request: HttpRequest) -> dict[str, Any]:
    params = list_params(request.GET, frozenset({"search", "taxonomy_id", "parent_id", "top_only"}))
    words = params.search.lower().split()
    terms = [
        term
        for t in TAXONOMIES
        if params.taxonomy is None or t is params.taxonomy
        for term in t.terms
        if all(word in f"{term.name} {term.description}".lower() for word in words)
        and (params.parent_id is None or term.parent_id == params.parent_id)
        and not (params.top_only and term.parent)
    ]
    return paged([Source(terms, serializers.taxonomy_term)], params.page, params.per_page)


@endpoint
def taxonomy_term(request: HttpRequest, id: str) -> dict[str, Any]:
    found = TERM_BY_ID.get(_id(id, "taxonomy term"))
    if found is None:
        raise _not_found("taxonomy term")
    return serializers.taxonomy_term(found)


@endpoint
def not_found(request: HttpRequest, path: str) -> dict[str, Any]:
    raise ApiError(404, "Not found", f"There is no endpoint /openreferral/{path[:80]}.")
