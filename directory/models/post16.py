"""Post-16 options for parents and young people: the places to learn or train at 16, the routes each
offers, open days, plain-English guides and a table to compare places by route."""

import datetime
import uuid
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.core.caching import provisional
from portal.listings.cards import Card
from portal.listings.facet_index import rows
from portal.listings.facets import FacetedQuery
from portal.listings.listing import FacetedListing, ListingPage, Sort

from ..filters import provider_facets
from ..plain_text import stream_text
from ..vocabulary import APPRENTICESHIP_LEVELS, PROVIDER_KINDS, ROUTE_KINDS, choices
from .organisations import Location

PROVIDER_PAGE_SIZE = 20


def join_words(words: list[str]) -> str:
    """“2”, “2 and 3”, “2, 3 and 4”."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class Post16IndexPage(ListingPage, Page):
    """`/post-16/`: the guides, the places to learn or train, and the compare table."""

    intro = models.TextField(help_text="Short sentences: this section is for parents and young people.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ProviderPage", "directory.Post16GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = "post-16 options index"

    def live_providers(self) -> models.QuerySet["ProviderPage"]:
        return ProviderPage.objects.live().public().descendant_of(self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = Post16GuidePage.objects.live().public().child_of(self).order_by("path")
        return context

    @path("compare/", name="compare")
    def compare(self, request: HttpRequest) -> HttpResponse:
        """A table of places (rows) against routes (columns), optionally only places with some routes."""
        query = FacetedQuery.from_params(provider_facets()[:1], request.GET)
        selection = self.facet_index().select(query, "title")
        providers = selection.page(
            1, max(selection.total, 1), rows(ProviderPage, ProviderPage.with_listing_data)
        )
        table = [(provider, provider.compare_cells()) for provider in providers]
        response = self.render(
            request,
            template="directory/post16_compare.html",
            context_overrides={
                "query": query,
                "facets": selection.facets,
                "route_kinds": ROUTE_KINDS,
                "rows": table,
            },
        )
        return provisional(response, selection.provisional)


class ProviderPage(Page):
    """A college, sixth form, training provider or apprenticeship employer, and what it offers at 16."""

    search_type: ClassVar[tuple[str, str]] = ("post16-provider", "Place to learn or train after 16")

    kind = models.CharField("type of place", max_length=20, choices=choices(PROVIDER_KINDS))
    summary = models.TextField(max_length=300, help_text="One or two short sentences.")
    body = StreamField(BodyBlock(), blank=True, help_text="More about the place, in plain English.")
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="providers"
    )
    travel = models.TextField(
        "getting there", help_text="Buses, trains, cycling, and help with travel costs."
    )
    send_support = models.TextField(
        "support for students with SEND", help_text="What help there is for students with SEND."
    )
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    last_reviewed = models.DateField(default=datetime.date.today)
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, unique=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("routes", label="Routes offered", min_num=1),
        InlinePanel("open_days", label="Open days"),
        MultiFieldPanel(
            [FieldPanel("location"), FieldPanel("travel"), FieldPanel("send_support")],
            heading="Getting there and support",
        ),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading="Contact"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("routes", [index.SearchField("title"), index.SearchField("description")]),
        index.FilterField("kind"),
    ]
    parent_page_types = ["directory.Post16IndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["oruk_id"]

    class Meta:
        verbose_name = "post-16 provider"

    def with_content_json(self, content: dict[str, Any]) -> "ProviderPage":
        """A revision or an alias never changes the provider's public Open Referral id."""
        page = super().with_content_json(content)
        page.oruk_id = self.oruk_id
        return page

    @staticmethod
    def with_listing_data(providers: models.QuerySet) -> models.QuerySet:
        """Providers with their location, routes and coming open days, in a fixed number of queries."""
        upcoming = OpenDay.objects.filter(date__gte=timezone.localdate())
        return providers.select_related("location").prefetch_related(
            "routes", models.Prefetch("open_days", queryset=upcoming, to_attr="upcoming_open_days")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["routes"] = self.routes.all()
        context["open_days"] = self.open_days.filter(date__gte=timezone.localdate())
        return context

    def route_kinds(self) -> list[str]:
        """The route names offered, in the standard order (uses prefetched routes)."""
        offered = {route.kind for route in self.routes.all()}
        return [term.name for term in ROUTE_KINDS if term.code in offered]

    def compare_cells(self) -> list[str]:
        """One cell per route kind for the compare table: “No”, “Yes”, or the apprenticeship levels."""
        levels = sorted({route.level for route in self.routes.all() if route.kind == "apprenticeship"})
        offered = {route.kind for route in self.routes.all()}
        cells = []
        for term in ROUTE_KINDS:
            if term.code not in offered:
                cells.append("No")
            elif term.code == "apprenticeship" and levels:
                cells.append(
                    "Yes: level" + ("s " if len(levels) > 1 else " ") + join_words([str(n) for n in levels])
                )
            else:
                cells.append("Yes")
        return cells

    def search_document(self) -> dict[str, Any]:
        routes = list(self.routes.all())
        upcoming = sorted(day.date for day in self.open_days.all() if day.date >= timezone.localdate())
        return {
            "title": self.title,
            "summary": self.summary,
            "body": " ".join(
                [stream_text(self.body), *(f"{r.title}. {r.description}" for r in routes), self.travel]
            ),
            "url": self.url or "",
            "benchmarks": [7],
            "key_stages": ["KS4", "KS5"],
            "audiences": ["parents", "young-people"],
            "settings": ["college"] if self.kind in {"college", "sixth-form"} else [],
            "tags": self.route_kinds(),
            "kind": self.kind,
            "date": upcoming[0] if upcoming else None,
            "has_places_left": None,
        }


class ProviderRoute(Orderable):
    """One route a provider offers, such as “T level in Digital” or “Level 3 engineering apprenticeship”."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="routes")
    kind = models.CharField("route", max_length=30, choices=choices(ROUTE_KINDS))
    level = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=APPRENTICESHIP_LEVELS, help_text="For apprenticeships: level 2 to 7."
    )
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True, help_text="Short sentences: what you learn and do.")
    entry_requirements = models.CharField(max_length=255, blank=True)
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, unique=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("entry_requirements"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "route"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.kind == "apprenticeship" and self.level is None:
            raise ValidationError({"level": "Choose the level of the apprenticeship (2 to 7)."})
        if self.kind != "apprenticeship" and self.level is not None:
            raise ValidationError({"level": "Only apprenticeships have a level here. Leave it empty."})


class OpenDay(Orderable):
    """An open day or evening: a date, times if known, and how to book."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="open_days")
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    ends_at = models.TimeField(null=True, blank=True)
    details = models.CharField(
        max_length=255, blank=True, help_text="e.g. “No need to book. Parents welcome.”"
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("details"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "open day"

    def __str__(self) -> str:
        return self.date.isoformat()


class Post16GuidePage(Page):
    """A plain-English guide for parents and young people, written for a reading age of 9 to 11."""

    search_type: ClassVar[tuple[str, str]] = ("post16-guide", "Guide to choices at 16")

    summary = models.TextField(max_length=300)
    body = StreamField(BodyBlock())
    last_reviewed = models.DateField(default=datetime.date.today)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["directory.Post16IndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "post-16 guide"

    def search_document(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "summary": self.summary,
            "body": stream_text(self.body),
            "url": self.url or "",
            "benchmarks": [2, 7],
            "key_stages": ["KS4"],
            "audiences": ["parents", "young-people"],
            "settings": [],
            "tags": [],
            "kind": None,
            "date": self.last_reviewed,
            "has_places_left": None,
        }


# Dated: the card shows the next open day, which changes as days pass.
PROVIDER_CARD = Card(
    ProviderPage,
    "directory/includes/provider_summary.html",
    "provider",
    ProviderPage.with_listing_data,
    dated=True,
)

# Declared here, after the card it shows, rather than in the index page's class body.
Post16IndexPage.listing_declaration = FacetedListing(
    name="post-16",
    facets=provider_facets,
    sorts={"title": Sort("Name (A to Z)", ("title",))},
    default_sort="title",
    card=PROVIDER_CARD,
    items="live_providers",
    noun=("place", "places"),
    page_size=PROVIDER_PAGE_SIZE,
    template="directory/post16_index_page.html",
    heading_level=3,
)
