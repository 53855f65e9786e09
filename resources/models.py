"""The resource bank.

One page type with a `kind` rather than five page types: every kind shares the same fields, the
same filters and the same place in search, so one model keeps the listing to one query and one
index. Case studies differ only in naming the school they come from, which `clean()` requires."""

import datetime
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.core.caching import provisional
from portal.listings.cards import Card
from portal.listings.facets import FacetedQuery, page_number
from portal.listings.listing import FacetedListing, ListingPage
from portal.taxonomy.models import Audience, Benchmark, KeyStage, School, Setting, Subject

from .filters import PAGE_SIZE, SORTS, resource_facets
from .vocabulary import ResourceKind, TimeNeeded

__all__ = ["ResourceIndexPage", "ResourceKind", "ResourcePage", "TimeNeeded"]


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceIndexPage(ListingPage, Page):
    """`/resources/`: the bank with filters, and one page per Gatsby Benchmark."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "resource bank"

    def live_resources(self) -> models.QuerySet:
        return ResourcePage.objects.live().public().descendant_of(self)

    @path("benchmarks/<int:number>/")
    def benchmark(self, request: HttpRequest, number: int) -> HttpResponse:
        benchmark = get_object_or_404(Benchmark, number=number)
        query = FacetedQuery(resource_facets(), {"benchmark": (str(number),)})
        selection = self.facet_index().select(query, "title")
        page = selection.page(
            page_number(request.GET.getlist("page")), PAGE_SIZE, RESOURCE_CARD.fetch(request)
        )
        response = self.render(
            request,
            template="resources/benchmark_page.html",
            context_overrides={
                "benchmark": benchmark,
                "criteria": benchmark.meaningful_criteria.all(),
                "results": page.object_list,
                "page_obj": page,
                "benchmarks": Benchmark.objects.all(),
            },
        )
        return provisional(response, selection.provisional)

    @path("benchmarks/")
    def benchmark_list(self, request: HttpRequest) -> HttpResponse:
        everything = self.facet_index().select(FacetedQuery(resource_facets()), "title")
        counts = {int(option.value): option.count for option in everything.facets["benchmark"]}
        benchmarks = [(b, counts.get(b.number, 0)) for b in Benchmark.objects.all()]
        response = self.render(
            request, template="resources/benchmark_list.html", context_overrides={"benchmarks": benchmarks}
        )
        return provisional(response, everything.provisional)


def with_listing_data(resources: models.QuerySet) -> models.QuerySet:
    """Resources with what a listing shows (benchmarks, key stages, school) loaded in a fixed
    number of queries, whatever the number of results."""
    return resources.select_related("school").prefetch_related("benchmarks", "key_stages")


class ResourcePage(Page):
    """A resource in the bank: a lesson plan, activity, toolkit, guidance or good-practice case study."""

    kind = models.CharField("type", max_length=20, choices=ResourceKind.choices)
    summary = models.TextField(max_length=400, help_text="One or two sentences: what it is and who it helps.")
    body = StreamField(BodyBlock())
    school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="For a case study: the school or college it comes from.",
    )
    benchmarks = ParentalManyToManyField(Benchmark, related_name="resources", help_text="At least one.")
    key_stages = ParentalManyToManyField(KeyStage, blank=True, related_name="resources")
    audiences = ParentalManyToManyField(Audience, blank=True, related_name="resources")
    settings = ParentalManyToManyField(Setting, blank=True, related_name="resources")
    subjects = ParentalManyToManyField(Subject, blank=True, related_name="resources")
    tags = ClusterTaggableManager(through=ResourceTag, blank=True)
    time_needed = models.CharField(max_length=20, choices=TimeNeeded.choices, blank=True)
    last_reviewed = models.DateField(default=datetime.date.today)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("time_needed")]),
        FieldPanel("school"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label="Files to download"),
        MultiFieldPanel(
            [
                FieldPanel("benchmarks", widget=forms.CheckboxSelectMultiple),
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("settings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="Tagging",
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types: list[str] = []
    # The portal's search finds models with `search_type` and `search_document()`.
    search_type: ClassVar[tuple[str, str]] = ("resource", "Resource")

    class Meta:
        verbose_name = "resource"

    def search_document(self) -> dict[str, Any]:
        """What the portal's search indexes for this resource (plain data, see the search app)."""
        body = self.body.stream_block.get_searchable_content(self.body)
        return {
            "title": self.title,
            "summary": self.summary,
            "body": " ".join([*body, self.school.name if self.school else ""]),
            "url": self.get_url() or "",
            "benchmarks": [b.number for b in self.benchmarks.all()],
            "key_stages": [k.code for k in self.key_stages.all()],
            "audiences": [a.code for a in self.audiences.all()],
            "settings": [s.code for s in self.settings.all()],
            "subjects": [s.code for s in self.subjects.all()],
            "tags": [t.name for t in self.tags.all()],
            "kind": self.kind,
            "kind_label": self.get_kind_display(),
            "date": self.last_published_at.date() if self.last_published_at else None,
            "has_places_left": None,
        }

    def clean(self) -> None:
        super().clean()
        if self.kind == ResourceKind.CASE_STUDY and not self.school_id:
            raise ValidationError(
                {"school": "A good-practice case study must say which school or college it comes from."}
            )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template's cached fragment evaluates it only when it renders again.
        context["files"] = self.files.select_related("document")
        return context


class ResourceFile(Orderable):
    """A downloadable file attached to a resource (PDF, Word, PowerPoint or Excel only)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=120, blank=True, help_text="Defaults to the document's title.")

    panels = [FieldPanel("document"), FieldPanel("label")]

    def __str__(self) -> str:
        return self.label or self.document.title

    @property
    def extension(self) -> str:
        return self.document.file_extension.upper()


RESOURCE_CARD = Card(ResourcePage, "resources/includes/resource_summary.html", "resource", with_listing_data)

# Declared here, after the card it shows, rather than in the index page's class body.
ResourceIndexPage.listing_declaration = FacetedListing(
    name="resources",
    facets=resource_facets,
    sorts=SORTS,
    default_sort="recent",
    card=RESOURCE_CARD,
    items="live_resources",
    noun=("resource", "resources"),
    page_size=PAGE_SIZE,
    template="resources/resource_index_page.html",
)
