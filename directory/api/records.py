"""Which records the API exposes, filtered by the standard's parameters.

- services: live services for schools, and each route a live post-16 provider offers;
- organizations: the council, its teams (which also host work placements), partner
  organisations and post-16 providers;
- taxonomies: the Gatsby Benchmarks, school phases, needs, types of support and post-16 routes,
  served from `directory.vocabulary` without a query."""

import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from portal.taxonomy.models import CouncilTeam

from ..models import Location, PartnerOrganisation, ProviderPage, ProviderRoute, ServicePage
from ..vocabulary import stable_uuid
from .params import ListParams, matches_nothing

COUNCIL_ID = stable_uuid("organization", "council")
COUNCIL_NAME = "Stockton-on-Tees Borough Council"


def team_id(team: CouncilTeam) -> uuid.UUID:
    """Council teams live in the shared taxonomy without a UUID column; their id is derived from
    the primary key, which never changes, rather than the slug, which editors may."""
    return stable_uuid("council-team", team.pk)


@dataclass(frozen=True)
class Owner:
    """An organization named by an organization_id: the council, a team, a partner or a provider."""

    council: bool = False
    team: CouncilTeam | None = None
    partner: PartnerOrganisation | None = None
    provider: ProviderPage | None = None


def find_organization(org_id: uuid.UUID) -> Owner | None:
    if org_id == COUNCIL_ID:
        return Owner(council=True)
    for team in CouncilTeam.objects.all():
        if team_id(team) == org_id:
            return Owner(team=team)
    if partner := PartnerOrganisation.objects.filter(oruk_id=org_id).first():
        return Owner(partner=partner)
    if provider := live_providers().filter(oruk_id=org_id).first():
        return Owner(provider=provider)
    return None


def live_services() -> QuerySet[ServicePage]:
    return ServicePage.objects.live().public()


def live_providers() -> QuerySet[ProviderPage]:
    return ProviderPage.objects.live().public()


def live_routes() -> QuerySet[ProviderRoute]:
    return ProviderRoute.objects.filter(page__in=live_providers())


def _words(params: ListParams) -> list[str]:
    return params.search.split()[:8]


def support_services(params: ListParams) -> QuerySet[ServicePage]:
    """Live services for schools matching the filters, in name order."""
    services = live_services()
    if matches_nothing(params.term) or matches_nothing(params.taxonomy):
        return services.none()
    if params.modified_after:
        services = services.filter(last_published_at__gte=params.modified_after)
    for word in _words(params):
        services = services.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if params.organization_id:
        owner = find_organization(params.organization_id)
        if owner is None or owner.provider:
            return services.none()
        if owner.team:
            services = services.filter(team=owner.team)
        elif owner.partner:
            services = services.filter(partner=owner.partner)
        else:
            services = services.filter(team__isnull=False)
    if params.term:
        services = _services_with_term(services, params.term.taxonomy, params.term.code)
    if params.taxonomy:
        services = _services_in_taxonomy(services, params.taxonomy.code)
    return services.order_by("title", "pk")


def _services_with_term(services: QuerySet, taxonomy: str, code: str) -> QuerySet:
    lookup = {
        "gatsby-benchmarks": "benchmarks__number",
        "phases": "phases__code",
        "needs": "needs__code",
        "support-types": "kind",
    }.get(taxonomy)
    if lookup is None:
        return services.none()
    # A subquery rather than a join, so a service is never listed twice.
    return services.filter(pk__in=ServicePage.objects.filter(**{lookup: code}).values("pk"))


def _services_in_taxonomy(services: QuerySet, taxonomy: str) -> QuerySet:
    if taxonomy in {"phases", "support-types"}:
        return services  # every service has a phase and a type of support
    lookup = {"gatsby-benchmarks": "benchmarks__isnull", "needs": "needs__isnull"}.get(taxonomy)
    if lookup is None:
        return services.none()
    return services.filter(pk__in=ServicePage.objects.filter(**{lookup: False}).values("pk"))


def post16_routes(params: ListParams) -> QuerySet[ProviderRoute]:
    """Routes offered by live post-16 providers matching the filters, by provider then route."""
    routes = live_routes()
    if matches_nothing(params.term) or matches_nothing(params.taxonomy):
        return routes.none()
    if params.modified_after:
        routes = routes.filter(page__last_published_at__gte=params.modified_after)
    for word in _words(params):
        routes = routes.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(page__title__icontains=word)
        )
    if params.organization_id:
        owner = find_organization(params.organization_id)
        if owner is None or not owner.provider:
            return routes.none()
        routes = routes.filter(page=owner.provider)
    if params.term:
        routes = _routes_with_term(routes, params.term.taxonomy, params.term.code)
    if params.taxonomy and params.taxonomy.code not in {"post-16-routes", "phases"}:
        return routes.none()
    return routes.order_by("page__title", "sort_order", "pk")


def _routes_with_term(routes: QuerySet, taxonomy: str, code: str) -> QuerySet:
    if taxonomy == "phases":
        return routes if code == "post-16" else routes.none()
    if taxonomy != "post-16-routes":
        return routes.none()
    if code.startswith("apprenticeship-level-"):
        return routes.filter(kind="apprenticeship", level=int(code.rsplit("-", 1)[1]))
    return routes.filter(kind=code)


def organizations(params: ListParams) -> tuple[list[str], QuerySet, QuerySet, QuerySet]:
    """The council (if it matches), its teams, partner organisations and live providers."""
    teams, partners, providers = (
        CouncilTeam.objects.all(),
        PartnerOrganisation.objects.all(),
        live_providers(),
    )
    council = ["council"]
    for word in _words(params):
        teams = teams.filter(name__icontains=word)
        partners = partners.filter(name__icontains=word)
        providers = providers.filter(title__icontains=word)
        if word.lower() not in COUNCIL_NAME.lower():
            council = []
    return (
        council,
        teams.order_by("name", "pk"),
        partners.order_by("name", "pk"),
        providers.order_by("title", "pk"),
    )


@dataclass(frozen=True)
class ServiceAtLocation:
    """A service or route offered at a location (support services through their locations, routes
    at their provider's location)."""

    service: ServicePage | ProviderRoute
    location: Location

    @property
    def service_id(self) -> uuid.UUID:
        return self.service.oruk_id

    @property
    def id(self) -> uuid.UUID:
        return stable_uuid("service-at-location", f"{self.service.oruk_id}:{self.location.oruk_id}")


def service_location_links(params: ListParams) -> tuple[QuerySet, QuerySet]:
    """The through rows of support services and their locations, and the routes with a location."""
    services = support_services(params)
    links = (
        ServicePage.locations.through.objects.filter(servicepage__in=services)
        .select_related("location", "servicepage")
        .order_by("servicepage__title", "location__name", "pk")
    )
    routes = post16_routes(params).filter(page__location__isnull=False).select_related("page__location")
    if params.postcode:
        # Match on the outward code (TS18 of TS18 1LD): the inward code is always 3 characters.
        compact = "".join(params.postcode.split()).upper()
        outward = (compact[:-3] if len(compact) > 4 else compact) + " "
        links = links.filter(location__postcode__istartswith=outward)
        routes = routes.filter(page__location__postcode__istartswith=outward)
    return links, routes
