"""Filters for the services listing and the post-16 providers, with the portal-wide parameter names
(`q`, `type`, `sort`, `page`) plus the directory's own (`phase`, `need`, `cost`, `route`, `level`)."""

from portal.listings.facets import Facet, Sort

from .vocabulary import (
    APPRENTICESHIP_LEVELS,
    COSTS,
    NEEDS,
    PHASES,
    PROVIDER_KINDS,
    ROUTE_KINDS,
    SERVICE_KINDS,
    choices,
)

SERVICE_PAGE_SIZE = 20

# sort parameter value -> (label, ORM ordering)
SERVICE_SORTS: dict[str, Sort] = {
    "title": Sort("Name (A to Z)", ("title",)),
    "reviewed": Sort("Recently reviewed", ("-last_reviewed", "title")),
}


def service_facets() -> tuple[Facet, ...]:
    return (
        Facet("phase", "Phase", "phases__code", tuple(choices(PHASES)), value_noun="phase"),
        Facet("need", "Need", "needs__code", tuple(choices(NEEDS)), value_noun="need"),
        Facet("type", "Type of support", "kind", tuple(choices(SERVICE_KINDS)), value_noun="type of support"),
        Facet("cost", "Cost", "cost", tuple(choices(COSTS)), value_noun="cost"),
    )


def provider_facets() -> tuple[Facet, ...]:
    return (
        Facet("route", "What you can study", "routes__kind", tuple(choices(ROUTE_KINDS)), value_noun="route"),
        Facet(
            "level",
            "Apprenticeship level",
            "routes__level",
            tuple((str(level), label) for level, label in APPRENTICESHIP_LEVELS),
            value_noun="apprenticeship level (2 to 7)",
        ),
        Facet("type", "Type of place", "kind", tuple(choices(PROVIDER_KINDS)), value_noun="type of place"),
    )
