"""The story listing's filters: by sector (`sector`) and by a kind of step in the route (`route`)."""

from portal.listings.facets import Facet

from .vocabulary import Sector, StepKind

PAGE_SIZE = 20


def story_facets() -> tuple[Facet, ...]:
    return (
        Facet("sector", "Sector", "sector", tuple(Sector.choices), value_noun="sector"),
        Facet(
            "route",
            "Route they took",
            "route_steps__kind",
            tuple(StepKind.choices),
            value_noun="kind of route",
        ),
    )
