"""Records as Open Referral UK 3.0 JSON. Empty values are left out rather than sent as null, which
the schemas do not allow. Two HSDS 3.0 fields outside the UK profile are added to services,
`eligibility_description` and `application_process`, because how to refer is what schools need."""

import uuid
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from portal.taxonomy.models import CouncilTeam

from ..models import Location, PartnerOrganisation, ProviderPage, ProviderRoute, ServicePage
from ..plain_text import stream_text
from ..vocabulary import (
    COSTS,
    PHASE_AGES,
    TAXONOMY_BY_CODE,
    Taxonomy,
    TaxonomyTerm,
    stable_uuid,
)
from .records import COUNCIL_ID, COUNCIL_NAME, ServiceAtLocation, team_id

COST_LABELS = {term.code: term for term in COSTS}
# Ages served by each post-16 route (apprenticeships have no upper age).
ROUTE_AGES: dict[str, tuple[int, int | None]] = {
    "a-levels": (16, 19),
    "t-levels": (16, 19),
    "vocational": (16, 19),
    "foundation": (16, 19),
    "supported-internship": (16, 24),
    "apprenticeship": (16, None),
}
# What each taxonomy says about a service, for attribute.link_type.
LINK_TYPES = {
    "gatsby-benchmarks": "benchmark",
    "phases": "audience",
    "needs": "need",
    "support-types": "service_type",
    "post-16-routes": "service_type",
}
STOCKTON_GSS_CODE = "E06000004"


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """The dict without None or empty-string values."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def absolute_url(request: HttpRequest, page: Page) -> str | None:
    path = page.get_url(request)
    return request.build_absolute_uri(path) if path else None


# Taxonomies -------------------------------------------------------------------------------------


def taxonomy_term(term: TaxonomyTerm) -> dict[str, Any]:
    taxonomy = TAXONOMY_BY_CODE[term.taxonomy]
    return compact(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description,
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": taxonomy.name,
            "taxonomy_id": str(taxonomy.id),
            "term": term.name,
            "code": term.code,
        }
    )


def taxonomy(taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "id": str(taxonomy.id),
        "name": taxonomy.name,
        "description": taxonomy.description,
        "version": "1",
        "taxonomy_terms": [taxonomy_term(term) for term in taxonomy.terms],
    }


def attribute(link_id: uuid.UUID, taxonomy_code: str, code: object) -> dict[str, Any]:
    term = next(t for t in TAXONOMY_BY_CODE[taxonomy_code].terms if t.code == str(code))
    return {
        "id": str(stable_uuid("attribute", f"{link_id}:{term.id}")),
        "link_id": str(link_id),
        "link_type": LINK_TYPES[taxonomy_code],
        "taxonomy_term_id": str(term.id),
        "taxonomy_term": taxonomy_term(term),
    }


# Organizations ----------------------------------------------------------------------------------


def council(request: HttpRequest, *, full: bool = False) -> dict[str, Any]:
    data = {
        "id": str(COUNCIL_ID),
        "name": COUNCIL_NAME,
        "description": "The unitary council for the borough of Stockton-on-Tees. Its teams offer services to "
        "schools and host work placements for young people.",
        "email": "careers-portal@example.org",
        "uri": request.build_absolute_uri("/"),
    }
    if full:
        data["organization_identifiers"] = [
            {
                "id": str(stable_uuid("organization-identifier", STOCKTON_GSS_CODE)),
                "organization_id": str(COUNCIL_ID),
                "identifier_type": "ONS GSS code",
                "identifier": STOCKTON_GSS_CODE,
            }
        ]
    return data


def team_organization(team: CouncilTeam) -> dict[str, Any]:
    return compact(
        {
            "id": str(team_id(team)),
            "name": team.name,
            "description": team.description,
            "email": team.contact_email,
            "parent_organization_id": str(COUNCIL_ID),
        }
    )


def partner_organization(partner: PartnerOrganisation) -> dict[str, Any]:
    return compact(
        {
            "id": str(partner.oruk_id),
            "name": partner.name,
            "description": partner.description,
            "email": partner.email,
            "website": partner.website,
        }
    )


def provider_organization(request: HttpRequest, provider: ProviderPage) -> dict[str, Any]:
    return compact(
        {
            "id": str(provider.oruk_id),
            "name": provider.title,
            "description": provider.summary,
            "email": provider.email,
            "website": provider.website,
            "uri": absolute_url(request, provider),
        }
    )


def service_owner(service: ServicePage) -> dict[str, Any] | None:
    if service.team:
        return team_organization(service.team)
    return partner_organization(service.partner) if service.partner else None


# Locations --------------------------------------------------------------------------------------


def location(place: Location) -> dict[str, Any]:
    data = compact(
        {
            "id": str(place.oruk_id),
            "location_type": place.kind,
            "name": place.name,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
        }
    )
    if place.kind == Location.Kind.PHYSICAL and place.address_1 and place.postcode:
        data["addresses"] = [
            compact(
                {
                    "id": str(stable_uuid("address", place.oruk_id)),
                    "location_id": str(place.oruk_id),
                    "address_1": ", ".join(line for line in (place.address_1, place.address_2) if line),
                    "city": place.town or "Stockton-on-Tees",
                    "state_province": "Stockton-on-Tees",  # the unitary authority: the borough spans two ceremonial counties
                    "postal_code": place.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            )
        ]
    if place.accessibility:
        data["accessibility"] = [
            {
                "id": str(stable_uuid("accessibility", place.oruk_id)),
                "location_id": str(place.oruk_id),
                "description": place.accessibility,
            }
        ]
    return data


def service_at_location(link: ServiceAtLocation, *, service: dict[str, Any] | None = None) -> dict[str, Any]:
    data = {
        "id": str(link.id),
        "service_id": str(link.service_id),
        "location_id": str(link.location.oruk_id),
        "location": location(link.location),
    }
    if service is not None:
        data["service"] = service
    return data


# Services for schools ---------------------------------------------------------------------------


def service_summary(request: HttpRequest, service: ServicePage) -> dict[str, Any]:
    """A service's one-to-one fields and its organization (for lists)."""
    ages = [PHASE_AGES[phase.code] for phase in service.phases.all()]
    owner = service_owner(service)
    return compact(
        {
            "id": str(service.oruk_id),
            "organization_id": owner["id"] if owner else None,
            "name": service.title,
            "description": service.summary,
            "url": absolute_url(request, service),
            "email": service.run_by_email,
            "status": service.status,
            "minimum_age": min(low for low, _ in ages) if ages else None,
            "maximum_age": max(high for _, high in ages) if ages else None,
            "assured_date": service.last_reviewed.isoformat(),
            "alert": service.alert,
            "last_modified": service.last_published_at.isoformat() if service.last_published_at else None,
            "organization": owner,
        }
    )


def service_detail(request: HttpRequest, service: ServicePage) -> dict[str, Any]:
    """A fully nested service: where, who to contact, cost, and its taxonomy terms."""
    data = service_summary(request, service)
    data["description"] = " ".join(part for part in (service.summary, stream_text(service.body)) if part)
    data["eligibility_description"] = service.eligibility
    data["application_process"] = "\n".join(
        [
            service.referral_route,
            "A good referral includes:",
            *(f"- {item}" for item in service.checklist_items),
        ]
    )
    data["service_at_locations"] = [
        service_at_location(ServiceAtLocation(service, place)) for place in service.locations.all()
    ]
    data["contacts"] = [
        compact(
            {
                "id": str(stable_uuid("contact", f"{service.oruk_id}:{contact.role}:{contact.email}")),
                "service_id": str(service.oruk_id),
                "name": contact.role,
                "title": contact.role,
                "email": contact.email,
            }
        )
        for contact in service.contacts.all()
    ]
    cost = COST_LABELS[service.cost]
    data["cost_options"] = [
        compact(
            {
                "id": str(stable_uuid("cost-option", service.oruk_id)),
                "service_id": str(service.oruk_id),
                "option": cost.name,
                "amount_description": service.cost_details or cost.description,
            }
        )
    ]
    data["service_areas"] = [borough_area(service.oruk_id)]
    data["attributes"] = [
        *(attribute(service.oruk_id, "phases", phase.code) for phase in service.phases.all()),
        *(attribute(service.oruk_id, "needs", need.code) for need in service.needs.all()),
        *(attribute(service.oruk_id, "gatsby-benchmarks", b.number) for b in service.benchmarks.all()),
        attribute(service.oruk_id, "support-types", service.kind),
    ]
    return data


def borough_area(service_id: uuid.UUID) -> dict[str, Any]:
    return {
        "id": str(stable_uuid("service-area", service_id)),
        "service_id": str(service_id),
        "name": "Stockton-on-Tees borough",
        "service_area": "Schools, settings and families in the borough of Stockton-on-Tees.",
        "uri": f"http://statistics.data.gov.uk/id/statistical-geography/{STOCKTON_GSS_CODE}",
    }


# Post-16 routes ---------------------------------------------------------------------------------


def route_summary(request: HttpRequest, route: ProviderRoute) -> dict[str, Any]:
    """A route a provider offers, as a service whose organization is the provider."""
    provider = route.page
    youngest, oldest = ROUTE_AGES[route.kind]
    description = " ".join(
        part
        for part in (
            route.description,
            f"Entry requirements: {route.entry_requirements}." if route.entry_requirements else "",
        )
        if part
    )
    return compact(
        {
            "id": str(route.oruk_id),
            "organization_id": str(provider.oruk_id),
            "name": f"{route.title} at {provider.title}",
            "description": description or provider.summary,
            "url": absolute_url(request, provider),
            "email": provider.email,
            "status": "active",
            "minimum_age": youngest,
            "maximum_age": oldest,
            "assured_date": provider.last_reviewed.isoformat(),
            "last_modified": provider.last_published_at.isoformat() if provider.last_published_at else None,
            "organization": provider_organization(request, provider),
        }
    )


def route_detail(request: HttpRequest, route: ProviderRoute) -> dict[str, Any]:
    data = route_summary(request, route)
    provider = route.page
    data["service_at_locations"] = (
        [service_at_location(ServiceAtLocation(route, provider.location))] if provider.location else []
    )
    data["contacts"] = (
        [
            compact(
                {
                    "id": str(stable_uuid("contact", f"{route.oruk_id}:admissions")),
                    "service_id": str(route.oruk_id),
                    "name": f"Admissions, {provider.title}",
                    "title": "Admissions",
                    "email": provider.email,
                }
            )
        ]
        if provider.email
        else []
    )
    data["cost_options"] = [
        {
            "id": str(stable_uuid("cost-option", route.oruk_id)),
            "service_id": str(route.oruk_id),
            "option": "Free" if route.kind != "apprenticeship" else "Paid job",
            "amount_description": (
                "Apprentices are paid a wage and do not pay for their training."
                if route.kind == "apprenticeship"
                else "Free for young people aged 16 to 18."
            ),
        }
    ]
    data["service_areas"] = [borough_area(route.oruk_id)]
    data["attributes"] = [
        attribute(route.oruk_id, "phases", "post-16"),
        attribute(route.oruk_id, "post-16-routes", route.kind),
        *(
            [attribute(route.oruk_id, "post-16-routes", f"apprenticeship-level-{route.level}")]
            if route.level
            else []
        ),
    ]
    return data
