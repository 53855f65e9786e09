"""Stockton Born and Bred: filmed interviews with people from Stockton-on-Tees who built their
careers here, each showing the route they took, step by step, and where a young person could start
on it (placements, resources, post-16 routes).

The route is an ordered list of steps with a kind (school, college, apprenticeship, university,
job) rather than free text, so visitors can filter stories by route ("show me people who did an
apprenticeship"). Films play only when the visitor asks (see stories/film.py), and a story cannot be
published without a transcript, or with a film that has no captions (WCAG 2.2 AA, 1.2.1 and 1.2.2)."""

import re
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.listings.cards import Card
from portal.listings.listing import FacetedListing, ListingPage, Sort

from .film import Film, validate_film_url
from .filters import PAGE_SIZE, story_facets
from .forms import StoryPageForm
from .vocabulary import Sector, StepKind

# Born and Bred stories are made for young people choosing a route and for the parents helping them.
STORY_AUDIENCES = ["young-people", "parents"]


class StoryIndexPage(ListingPage, Page):
    """`/stories/`: every Born and Bred story, filtered by sector and by the route taken."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = "Born and Bred stories index"

    def live_stories(self) -> models.QuerySet["StoryPage"]:
        return StoryPage.objects.live().public().descendant_of(self)


class StoryPage(Page):
    """One person's story: who they are, the route they took and the film of their interview."""

    first_name = models.CharField(max_length=60, help_text="First name only.")
    job_title = models.CharField(
        "job", max_length=120, help_text="What they do now, e.g. “Process engineer”."
    )
    employer = models.CharField(
        max_length=150,
        blank=True,
        help_text="Who they work for, or the kind of employer, e.g. “a chemicals company on Teesside”.",
    )
    sector = models.CharField(max_length=40, choices=Sector.choices)
    grew_up_in = models.CharField(
        max_length=120, help_text="The part of the borough, e.g. “Norton” or “Thornaby”."
    )
    local_schooling = models.CharField(
        "school or college",
        max_length=250,
        help_text="Where they went to school or college locally, e.g. “Kingfisher Academy, then Riverside Sixth Form College”.",
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences for the listing and search results."
    )
    pull_quote = models.TextField(max_length=300, help_text="A short quote from the interview.")
    body = StreamField(BodyBlock(), blank=True, help_text="Their story in words (optional).")
    film_url = models.URLField(
        "film address",
        blank=True,
        validators=[validate_film_url],
        help_text="The film on YouTube or Vimeo. It only loads when a visitor chooses to play it.",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A still from the film, shown before it plays (optional; stored on the portal, not the video site).",
    )
    has_captions = models.BooleanField(
        "the film has captions",
        default=False,
        help_text="Tick once you have checked the film has accurate captions. Needed to publish a story with a film.",
    )
    transcript = models.TextField(
        blank=True,
        help_text="The whole interview as text. Needed to publish. Separate paragraphs with a blank line.",
    )
    is_example = models.BooleanField(
        "fictional example",
        default=False,
        help_text="Shows a note that this is a made-up example story, not a real person.",
    )

    base_form_class = StoryPageForm
    # Whether clean() applies the publish checks: None means "when the page is live" (as it is for
    # every publish, by revision, schedule or bulk action); the admin form says explicitly, because
    # its page is not live yet while it validates a publish, and live while it adds a draft.
    run_publish_checks: bool | None = None

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_name"), FieldPanel("job_title")]),
                FieldRowPanel([FieldPanel("employer"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("grew_up_in"), FieldPanel("local_schooling")]),
            ],
            heading="The person",
        ),
        FieldPanel("summary"),
        FieldPanel("pull_quote"),
        InlinePanel("route_steps", label="Step of their route", min_num=1, heading="The route they took"),
        MultiFieldPanel(
            [
                FieldPanel("film_url"),
                FieldPanel("poster"),
                FieldPanel("has_captions"),
                FieldPanel("transcript"),
            ],
            heading="Film and transcript",
        ),
        FieldPanel("body"),
        InlinePanel(
            "related_links", label="Related page", heading="Follow this route: placements, resources, post-16"
        ),
        FieldPanel("is_example"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("job_title"),
        index.SearchField("pull_quote"),
        index.SearchField("transcript"),
        index.SearchField("body"),
        index.RelatedFields("route_steps", [index.SearchField("what"), index.SearchField("where")]),
        index.FilterField("sector"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    search_type: ClassVar[tuple[str, str]] = ("story", "Born and Bred story")

    class Meta:
        verbose_name = "Born and Bred story"

    @property
    def film(self) -> Film | None:
        return Film.from_url(self.film_url) if self.film_url else None

    def publish_problems(self) -> dict[str, str]:
        """What stops this story being published, by field (empty when it is ready)."""
        problems = {}
        if not self.transcript.strip():
            problems["transcript"] = (
                "Add the transcript before publishing, so people who cannot watch or hear the film "
                "get the whole interview."
            )
        if self.film_url and not self.has_captions:
            problems["has_captions"] = (
                "Check the film has accurate captions, and tick this box, before publishing."
            )
        return problems

    def clean(self) -> None:
        super().clean()
        checking = self.live if self.run_publish_checks is None else self.run_publish_checks
        if checking and (problems := self.publish_problems()):
            raise ValidationError(problems)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        film = self.film
        context["film"] = film
        context["playing"] = film is not None and request.GET.get("play") == "1"
        context["steps"] = self.route_steps.all()
        context["related"] = [
            link for link in self.related_links.select_related("link_page") if link.link_page.live
        ]
        context["transcript_paragraphs"] = self.transcript_paragraphs()
        return context

    def transcript_paragraphs(self) -> list[str]:
        """The transcript split at blank lines (browsers send line breaks as \\r\\n)."""
        return [
            part.strip()
            for part in re.split(r"\n\s*\n", self.transcript.replace("\r\n", "\n"))
            if part.strip()
        ]

    def search_document(self) -> dict[str, Any]:
        """This story for the portal search (see the search app's registration protocol)."""
        steps = [f"{step.get_kind_display()}: {step.what} {step.where}" for step in self.route_steps.all()]
        body = " ".join(
            [self.pull_quote, self.job_title, self.employer, self.grew_up_in, self.local_schooling, *steps]
            + [strip_tags(str(self.body)), self.transcript]
        )
        return {
            "title": self.title,
            "summary": self.summary,
            "body": " ".join(body.split()),
            "url": self.get_url() or "",
            "benchmarks": [],
            "key_stages": [],
            "audiences": list(STORY_AUDIENCES),
            "settings": [],
            "tags": [
                self.get_sector_display(),
                *sorted({step.get_kind_display() for step in self.route_steps.all()}),
            ],
            "kind": self.sector,
            "kind_label": self.get_sector_display(),
            "date": None,
            "has_places_left": None,
        }


class StoryRouteStep(Orderable):
    """One step of the route a person took, in order: school, college, apprenticeship, job..."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="route_steps")
    kind = models.CharField("type of step", max_length=20, choices=StepKind.choices)
    what = models.CharField(max_length=200, help_text="e.g. “A levels in chemistry, maths and biology”.")
    where = models.CharField(max_length=200, blank=True, help_text="e.g. “Riverside Sixth Form College”.")
    years = models.CharField(max_length=40, blank=True, help_text="e.g. “2014 to 2016” (optional).")

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("years")]),
        FieldPanel("what"),
        FieldPanel("where"),
    ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.what}"


class StoryLink(Orderable):
    """A page on the portal where a young person could start on this route: a work placement, a
    resource, a post-16 course or route. Any page, so stories need not know the other apps."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_links")
    link_page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=150, blank=True, help_text="Defaults to the page's title.")

    panels = [PageChooserPanel("link_page"), FieldPanel("label")]

    def __str__(self) -> str:
        return self.label or self.link_page.title

    @property
    def kind(self) -> str:
        """What sort of page it is, e.g. "Work placement", from the page type's name."""
        model = self.link_page.specific_class or Page
        return str(model._meta.verbose_name).capitalize()


STORY_CARD = Card(
    StoryPage,
    "stories/includes/story_summary.html",
    "story",
    lambda stories: stories.prefetch_related("route_steps"),
)

# Declared here, after the card it shows, rather than in the index page's class body.
StoryIndexPage.listing_declaration = FacetedListing(
    name="stories",
    facets=story_facets,
    sorts={"title": Sort("Name (A to Z)", ("title",))},
    default_sort="title",
    card=STORY_CARD,
    items="live_stories",
    noun=("story", "stories"),
    page_size=PAGE_SIZE,
)
