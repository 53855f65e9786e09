"""One faceted listing, declared once and served by one function.

Every listing of the portal (resources, placements, events, stories, services for schools, post-16
places) is the same flow: read the filters from the address, narrow to the words of `q` through
the search contract, select from the listing's facet index (portal.listings.facet_index), take one
page of results and render their cards (portal.listings.cards) in `listings/listing.html`. A page
declares what differs, as a `FacetedListing`, and serves it with `serve()`; see docs/listings.md.

Filters that facets cannot express (the placement directory's dates and places, the events
calendar's month and upcoming/past tabs) are `Refinement`s: they read their own parameters and
answer with a `Refined`, which can narrow the live items in the database, tick facets that the
index derives itself (`FacetedListing.derived`) and add to the template's context."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django_ratelimit.exceptions import Ratelimited
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal.core.caching import content_version, provisional

from .cards import Card
from .facet_index import Derived, FacetIndex, Listing, Selection
from .facets import Facet, FacetedQuery, Sort, first_valid, page_number
from .index_builds import facet_index

__all__ = ["FacetedListing", "ListingPage", "Refined", "Refinement", "Sort"]

TEMPLATE = "listings/listing.html"


class Refined(Protocol):
    """What a refinement made of one request's parameters."""

    messages: list[str]

    @property
    def active(self) -> bool:
        """Whether it narrows anything (for "Clear all filters" and robots)."""

    def narrow(self, items: QuerySet) -> QuerySet | None:
        """The live items narrowed in the database, or None when it needs no database (the
        index answers it through derived facets, or nothing is chosen)."""

    def derived(self) -> Mapping[str, Sequence[str]]:
        """The values it ticks on facets the index derives (FacetedListing.derived)."""

    def context(self, selection: Selection, query: FacetedQuery, items: QuerySet) -> dict[str, Any]:
        """What the template needs to show it (options with their counts...). `items` are the
        live items narrowed to the words of `q`, for counts the index cannot give."""


# Reads a refinement's parameters: never raises, a bad value is a message.
Refinement = Callable[[Mapping[str, Any]], Refined]


@dataclass(frozen=True)
class FacetedListing:
    """What one listing is: its facets and sorts, how many results a page shows, how a result
    is shown (`card`), which method of the page gives its live items (`items`), and the filters
    facets cannot express (`refinements`, with the index's `derived` facets behind them).

    `name` is the alert source (alerts/sources.py) and the prefix of the index's name; `noun`
    counts the results ("1 resource", "2 resources"); `sort_param` is the parameter choosing the
    order (the events calendar's tabs choose it with `when`), and `unknown_sort` the message for
    a value of it that is not known (None: ignored without a word, as a bad `sort` is)."""

    name: str
    facets: Callable[[], Sequence[Facet]]
    sorts: Mapping[str, Sort]
    default_sort: str
    card: Card
    items: str
    noun: tuple[str, str]
    page_size: int = 20
    template: str = ""
    sort_param: str = "sort"
    unknown_sort: str | None = None
    refinements: Sequence[Refinement] = ()
    derived: Derived | None = None
    version: Callable[[], str] = lambda: str(content_version())
    heading_level: int = 2
    extra_context: Callable[[Page, HttpRequest], dict[str, Any]] | None = field(default=None)

    # The index ---------------------------------------------------------------------------

    def live(self, page: Page) -> QuerySet:
        return getattr(page, self.items)()

    def index_source(self, page: Page) -> Listing:
        """What this listing's facet index is built from, for `page` (portal.listings.index_builds)."""
        return Listing(
            f"{self.name}:{page.pk}",
            self.version(),
            getattr(page, self.items),
            tuple(self.facets()),
            {key: sort.ordering for key, sort in self.sorts.items()},
            self.derived,
        )

    def index(self, page: Page) -> FacetIndex:
        return facet_index(self.index_source(page))

    def sort_menu(self) -> list[tuple[str, str]]:
        """The "Sort by" menu: only where there is a choice, and where `sort` chooses."""
        if self.sort_param != "sort" or len(self.sorts) < 2:
            return []
        return [(key, sort.label) for key, sort in self.sorts.items()]

    # Reading a request -------------------------------------------------------------------

    def sort_of(self, params: Mapping[str, Any]) -> tuple[str, list[str]]:
        raw = _getlist(params, self.sort_param)
        sort = first_valid(raw, self.sorts, self.default_sort)
        if self.unknown_sort and raw and raw[0] not in self.sorts:
            return sort, [self.unknown_sort.format(value=raw[0][:40])]
        return sort, []

    def narrow(self, page: Page, params: Mapping[str, Any]) -> QuerySet:
        """The live items matching every filter of `params`, in the database (feeds and email
        alerts: alerts/sources.py), so a feed matches what the listing shows for the same address."""
        from search.within import listing_text, matching_ids

        items = FacetedQuery.from_params(self.facets(), params).apply(self.live(page))
        for refinement in self.refinements:
            narrowed = refinement(params).narrow(items)
            items = items if narrowed is None else narrowed
        text, _ = listing_text(params)
        if text:
            ids = matching_ids(text, self.card.model)
            if ids is not None:
                items = items.filter(pk__in=ids)
        return items

    # Serving -----------------------------------------------------------------------------

    def serve(self, request: HttpRequest, page: Page, **context: Any) -> HttpResponse:
        """The listing page for `request`: filters, results, counts, sort and pagination. A fixed
        number of queries whatever the number of items (the words of `q` add the search's own)."""
        from search.within import listing_text, matching_ids, over_search_rate

        params = request.GET
        query = FacetedQuery.from_params(self.facets(), params)
        sort, sort_messages = self.sort_of(params)
        text, messages = listing_text(params)
        refined = [refinement(params) for refinement in self.refinements]
        live = self.live(page)

        within: set[int] | None = None
        if text:
            if over_search_rate(request):
                raise Ratelimited()
            within = matching_ids(text, self.card.model)
            if within is None:
                from search.within import UNAVAILABLE

                messages.append(UNAVAILABLE)
                text = ""
        narrowed = live if within is None else live.filter(pk__in=within)
        database = [n for r in refined if (n := r.narrow(live)) is not None]
        for condition in database:
            ids = set(condition.values_list("pk", flat=True))
            within = ids if within is None else within & ids
        derived: dict[str, Sequence[str]] = {}
        for r in refined:
            derived.update(r.derived())

        selection = self.index(page).select(query, sort, within=within, derived=derived or None)
        results = selection.page(
            page_number(params.getlist("page")), self.page_size, self.card.fetch(request)
        )
        extra: dict[str, Any] = {}
        for r in refined:
            extra.update(r.context(selection, query, narrowed))
        if self.extra_context is not None:
            extra.update(self.extra_context(page, request))
        response = page.render(
            request,
            template=self.template or TEMPLATE,
            context_overrides={
                "listing": self,
                "query": query,
                "facets": selection.facets,
                "text": text,
                "sort": sort,
                "sorts": self.sort_menu(),
                "messages_list": messages
                + sort_messages
                + query.messages
                + [m for r in refined for m in r.messages],
                "filtered": bool(text or query.active or any(r.active for r in refined)),
                "results": results.object_list,
                "page_obj": results,
                "results_noun": self.noun[0] if results.paginator.count == 1 else self.noun[1],
                **extra,
                **context,
            },
        )
        return provisional(response, selection.provisional)


class ListingPage(RoutablePageMixin):
    """A page that is a listing, at its own address: it declares `listing_declaration` and gives
    its live items by the method that names; the prebuilt indexes find it by `facet_listings()`.
    A preview shows the listing too (RoutablePageMixin previews the route at "")."""

    listing_declaration: FacetedListing

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        return self.listing_declaration.serve(request, self)

    def facet_listings(self) -> list[Listing]:
        return [self.listing_declaration.index_source(self)]

    def facet_index(self) -> FacetIndex:
        return self.listing_declaration.index(self)


def _getlist(params: Mapping[str, Any], key: str) -> list[str]:
    return params.getlist(key) if hasattr(params, "getlist") else list(params.get(key, ()))
