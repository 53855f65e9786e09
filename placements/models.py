"""Work placements and encounters with employers, hosted by council teams and approved local
employers, for KS2 to KS5 (the careers action plan, Recommendation 11). Each listing has a kind (vocabulary.KINDS):
a work placement, a workplace visit, a talk in school and so on; placements carry the Benchmark 6
"meaningful" checklist and every other kind (an "encounter") the Benchmark 5 one.

The page tree is the permission model: /placements/ (PlacementIndexPage) holds one HostTeamPage per
council team, and each team's PlacementPages live under its own HostTeamPage, so Wagtail's
GroupPagePermission on that subtree limits a team to its own listings (see placements/teams.py).

Availability windows are edited on the placement page (revisions, preview, workflow), but the
places taken in a window live in WindowCapacity, a plain table keyed by (page, window key) that no
revision ever rewrites: publishing or reverting a page only updates the window's dates and
advertised places there, never the places taken, and removing a window only marks its capacity
row withdrawn, so the requests made against it keep their record."""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Greatest
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.core.caching import content_version
from portal.listings.cards import Card
from portal.listings.facet_index import Selection
from portal.listings.facets import Facet, FacetedQuery
from portal.listings.listing import FacetedListing, ListingPage, Sort
from portal.taxonomy.models import (
    CouncilTeam,
    FixedTerm,
    KeyStage,
    MeaningfulCriterion,
    School,
    Setting,
    _CodedTerm,
)

from .filters import (
    ANY_MONTH,
    MONTHS_INDEXED,
    PAGE_SIZE,
    SORTS,
    WindowFilter,
    month_end,
    placement_facets,
    upcoming_months,
)
from .page_forms import HostTeamPageForm, PlacementPageForm
from .vocabulary import (
    EMPLOYER_AREA,
    ENCOUNTER_BENCHMARK,
    KIND_CHOICES,
    KINDS_BY_CODE,
    MEANINGFUL_BENCHMARK,
    PLACEMENT_KEY_STAGES,
    WORK_PLACEMENT,
    YEAR_GROUPS,
    Kind,
)

# The directory's own routes (/placements/requests/<link>/), which a host team page's slug must not shadow.
RESERVED_SLUGS = frozenset({"requests"})


class Activity(_CodedTerm, FixedTerm):
    """What a young person does on a placement: work shadowing, a project task, mentoring..."""

    class Meta(_CodedTerm.Meta):
        verbose_name_plural = "activities"


class Adjustment(_CodedTerm, FixedTerm):
    """A SEND adjustment a host team offers: step-free access, a quiet space, adjusted hours..."""

    class Meta(_CodedTerm.Meta):
        verbose_name = "SEND adjustment"


def today() -> datetime.date:
    return timezone.localdate()


def confirm_due_before(on: datetime.date | None = None) -> datetime.date:
    """Listings last confirmed before this date are flagged to their team for confirmation."""
    return (on or today()) - datetime.timedelta(days=settings.PLACEMENT_CONFIRM_EVERY_DAYS)


def expired_before(on: datetime.date | None = None) -> datetime.date:
    """Listings last confirmed before this date have left the public directory."""
    return (on or today()) - datetime.timedelta(days=settings.PLACEMENT_EXPIRE_AFTER_DAYS)


CONFIRMATION_LABELS = {
    "current": "Confirmed",
    "due": "Due for confirmation",
    "expired": "Expired: not in the directory",
}


class PlacementIndexPage(ListingPage, Page):
    """`/placements/`: the directory of work placements, with filters, and the requesters' status
    pages (`/placements/requests/<signed link>/`)."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["placements.HostTeamPage", "home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = "work-placement directory"

    def live_placements(self) -> models.QuerySet["PlacementPage"]:
        """Placements a school may see: live, public and confirmed recently enough."""
        return (
            PlacementPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(last_confirmed__gte=expired_before())
        )

    @path("requests/<str:token>/")
    def request_status(self, request: HttpRequest, token: str) -> HttpResponse:
        from .views import request_status

        return request_status(request, self, token)

    @path("requests/<str:token>/sent/")
    def request_sent(self, request: HttpRequest, token: str) -> HttpResponse:
        from .views import request_sent

        return request_sent(request, self, token)


class HostTeamPage(Page):
    """A council team's page in the directory; the team's placements are its children and its
    Wagtail group may add, edit and publish pages only in this subtree."""

    team = models.OneToOneField(
        CouncilTeam,
        on_delete=models.PROTECT,
        related_name="host_team_page",
        help_text="The council team. It cannot be changed once the page exists.",
    )
    intro = models.TextField(
        blank=True, help_text="What a young person can expect from a placement with your team."
    )

    content_panels = Page.content_panels + [FieldPanel("team"), FieldPanel("intro")]
    base_form_class = HostTeamPageForm
    parent_page_types = ["placements.PlacementIndexPage"]
    subpage_types = ["placements.PlacementPage"]

    class Meta:
        verbose_name = "host team"

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the directory: choose another slug."})

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        placements = (
            PlacementPage.objects.live()
            .public()
            .child_of(self)
            .filter(last_confirmed__gte=expired_before())
            .order_by("title")
        )
        context["placements"] = with_listing_data(placements)
        return context


class PlacementPage(RoutablePageMixin, Page):
    """An opportunity a host team offers: a work placement (KS4 and KS5) or an encounter (a visit,
    an insight day, a talk in school...) for the key stages its kind suits, with its availability
    windows, its benchmark's "meaningful" checklist and a form to ask for places."""

    search_type: ClassVar[tuple[str, str]] = ("placement", "Work placement")

    kind = models.CharField(
        "what it is",
        max_length=30,
        choices=KIND_CHOICES,
        default=WORK_PLACEMENT,
        db_index=True,
        help_text="Work placements are for KS4 and KS5. Talks, mock interviews and careers fair stands "
        "happen at the school: schools give you a range of dates and you accept with one.",
    )

    host_team = models.ForeignKey(
        CouncilTeam,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="placements",
        help_text="Set from the host team page the placement sits under.",
    )
    summary = models.TextField(max_length=400, help_text="One or two sentences for the directory.")
    body = StreamField(
        BodyBlock(), help_text="What the young person will do, day by day, and who they will work with."
    )
    learning_outcomes = models.TextField(
        help_text="What a young person will know or be able to do by the end, one per line."
    )
    activities = ParentalManyToManyField(Activity, related_name="placements")
    key_stages = ParentalManyToManyField(
        KeyStage,
        related_name="placements",
        limit_choices_to={"code__in": PLACEMENT_KEY_STAGES},
        help_text="Only the key stages this kind of opportunity suits: work placements are for KS4 and KS5.",
    )
    hours_each = models.PositiveSmallIntegerField(
        "hours for each young person",
        default=25,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text="How many hours of activity each young person gets in all: about 25 for a week's "
        "placement, 5 for a day, 1 for a talk. Reports count 5 hours as a day.",
    )
    settings = ParentalManyToManyField(Setting, related_name="placements", verbose_name="who can take part")
    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(7), MaxValueValidator(19)],
        help_text="Leave blank if anyone in the key stages chosen may come.",
    )
    location_name = models.CharField(max_length=150, help_text="e.g. “Municipal Buildings, Church Road”.")
    address = models.TextField()
    postcode = models.CharField(
        max_length=8,
        validators=[
            RegexValidator(
                r"^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$",
                "Enter a real postcode, like TS18 1AU.",
            )
        ],
    )
    travel_notes = models.TextField(
        blank=True, help_text="Buses, parking, where to come in and who meets them."
    )
    adjustments = ParentalManyToManyField(
        Adjustment, blank=True, related_name="placements", verbose_name="SEND adjustments offered"
    )
    adjustments_notes = models.TextField(
        blank=True, help_text="Anything else you can adjust. Schools can tell you what a young person needs."
    )
    requirements = models.TextField(
        blank=True, help_text="Safety wear, checks or anything a young person must have done first."
    )
    what_to_bring = models.TextField(blank=True)
    meaningful_criteria = ParentalManyToManyField(
        MeaningfulCriterion,
        blank=True,
        related_name="placements",
        limit_choices_to={"benchmark__number__in": (ENCOUNTER_BENCHMARK, MEANINGFUL_BENCHMARK)},
        verbose_name="“meaningful” criteria it meets",
        help_text="Tick each one it really meets, from Benchmark 6 for a work placement and from "
        "Benchmark 5 for anything else: schools see the ones it does not.",
    )
    last_confirmed = models.DateField(
        default=today,
        editable=False,
        help_text="When the team last confirmed the listing is still offered; publishing confirms it.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("activities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("settings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("minimum_age"),
                FieldPanel("hours_each"),
            ],
            heading="Who it is for and what they do",
        ),
        InlinePanel("windows", label="Availability window", min_num=1, heading="When and how many"),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldPanel("travel_notes"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("adjustments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("adjustments_notes"),
                FieldPanel("requirements"),
                FieldPanel("what_to_bring"),
            ],
            heading="SEND adjustments and requirements",
        ),
        FieldPanel("meaningful_criteria", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("learning_outcomes"),
        index.RelatedFields("host_team", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("activities", [index.SearchField("name")]),
        index.FilterField("host_team"),
        index.FilterField("last_confirmed"),
        index.FilterField("kind"),
    ]
    base_form_class = PlacementPageForm
    parent_page_types = ["placements.HostTeamPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "work placement or encounter"

    # What it is ------------------------------------------------------------------------------

    @property
    def kind_info(self) -> Kind:
        return KINDS_BY_CODE.get(self.kind, KINDS_BY_CODE[WORK_PLACEMENT])

    @property
    def is_placement(self) -> bool:
        return self.kind == WORK_PLACEMENT

    @property
    def at_school(self) -> bool:
        """The host comes to the school: the school gives a range of dates and the host picks one."""
        return self.kind_info.at_school

    @property
    def benchmark(self) -> int:
        return self.kind_info.benchmark

    @property
    def host_label(self) -> str:
        """Who hosts it, as listings say it: the team and the council, or the local employer."""
        team = self.host_team
        if team is None:
            return ""
        if team.directorate == EMPLOYER_AREA:
            return f"{team.name}, a local employer"
        return f"{team.name}, Stockton-on-Tees Borough Council"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The host team follows the tree, so a team's scope never depends on what an editor typed.
        if self.path:
            self.host_team_id = team_of_parent(self)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "host_team"}
        super().save(*args, **kwargs)

    def with_content_json(self, content: dict[str, Any]) -> "PlacementPage":
        """Restoring a revision never moves the confirmation date back or changes the host team:
        they belong to the listing, not to one version of its text."""
        page = super().with_content_json(content)
        page.last_confirmed = self.last_confirmed
        page.host_team_id = self.host_team_id
        return page

    # Confirmation and expiry ---------------------------------------------------------------

    @property
    def confirmation_state(self) -> str:
        """One of: current; due (flagged to the team); expired (out of the directory and search)."""
        if self.last_confirmed < expired_before():
            return "expired"
        if self.last_confirmed < confirm_due_before():
            return "due"
        return "current"

    @property
    def confirmation_label(self) -> str:
        return CONFIRMATION_LABELS[self.confirmation_state]

    @property
    def is_expired(self) -> bool:
        return self.confirmation_state == "expired"

    # Windows and places --------------------------------------------------------------------

    def open_capacities(self) -> models.QuerySet["WindowCapacity"]:
        """This placement's windows that a school can still ask for, soonest first."""
        return WindowCapacity.objects.open().filter(page=self).order_by("start_date", "end_date")

    def windows_with_places(self) -> list[tuple["AvailabilityWindow", "WindowCapacity | None"]]:
        """Each window as edited (so a preview shows the draft's windows) with its capacity row,
        in one query for the capacities."""
        windows = list(self.windows.all())
        capacities = {
            c.key: c for c in WindowCapacity.objects.filter(page_id=self.pk, key__in=[w.key for w in windows])
        }
        return [(window, capacities.get(window.key)) for window in windows]

    @path("request/")
    def request_places(self, request: HttpRequest) -> HttpResponse:
        from .views import request_places

        return request_places(request, self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template's cached fragment evaluates them only when it renders again.
        windows = SimpleLazyObject(self.windows_with_places)
        context["windows"] = windows
        context["today"] = today()  # part of the fragment's key: windows close, listings expire
        context["criteria"] = SimpleLazyObject(lambda: meaningful_checklist(self))
        context["can_request"] = SimpleLazyObject(
            lambda: (
                not self.is_expired
                and any(
                    capacity is not None and capacity.is_open and capacity.places_left > 0
                    for _, capacity in windows
                )
            )
        )
        return context

    # Search protocol -----------------------------------------------------------------------

    def search_document(self) -> dict[str, Any]:
        """Plain data for the portal's search engines (see the search app's contract); empty for
        an expired listing, which leaves search as it leaves the directory."""
        if self.is_expired:
            return {}
        capacities = list(self.open_capacities())
        body_text = strip_tags(" ".join(self.body.stream_block.get_searchable_content(self.body)))
        extra = [self.learning_outcomes, self.location_name, self.travel_notes, self.requirements]
        return {
            "title": self.title,
            "summary": self.summary,
            "body": " ".join(part for part in [body_text, *extra] if part),
            "url": self.url or "",
            "benchmarks": [self.benchmark],
            "key_stages": sorted(ks.code for ks in self.key_stages.all()),
            "audiences": ["teachers"],
            "settings": sorted(s.code for s in self.settings.all()),
            "tags": [a.name for a in self.activities.all()]
            + ([self.host_team.name] if self.host_team else []),
            "kind": self.kind,
            "kind_label": self.kind_info.name,
            "date": capacities[0].start_date if capacities else None,
            "has_places_left": any(c.places_left > 0 for c in capacities),
        }


def team_of_parent(page: Page) -> int | None:
    """The council team of the host team page a page sits directly under (one query)."""
    parent_path = page.path[: (page.depth - 1) * page.steplen]
    return HostTeamPage.objects.filter(path=parent_path).values_list("team_id", flat=True).first()


def meaningful_checklist(page: PlacementPage) -> list[tuple[MeaningfulCriterion, bool]]:
    """Every criterion of the page's benchmark (6 for a placement, 5 for an encounter) with
    whether the page meets it, in the benchmark's order."""
    met = {criterion.pk for criterion in page.meaningful_criteria.all()}
    criteria = MeaningfulCriterion.objects.filter(benchmark__number=page.benchmark)
    return [(criterion, criterion.pk in met) for criterion in criteria]


def with_listing_data(placements: models.QuerySet) -> models.QuerySet:
    """Placements with what a listing shows (team, key stages, activities, adjustments, open
    windows) in a fixed number of queries, whatever the number of results."""
    return placements.select_related("host_team").prefetch_related(
        "key_stages",
        "activities",
        "adjustments",
        models.Prefetch(
            "capacities",
            queryset=WindowCapacity.objects.open().order_by("start_date", "end_date"),
            to_attr="open_windows",
        ),
    )


class AvailabilityWindow(Orderable):
    """A period when the team can host, as edited on the placement page. Its places taken are
    kept in WindowCapacity, matched by `key`, so page revisions never touch them."""

    page = ParentalKey(PlacementPage, on_delete=models.CASCADE, related_name="windows")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    start_date = models.DateField()
    end_date = models.DateField()
    days_and_hours = models.CharField(max_length=150, help_text="e.g. “Monday to Friday, 9:30am to 3pm”.")
    places = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="How many young people you can host at once in this window.",
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("days_and_hours"), FieldPanel("places")]),
    ]

    def __str__(self) -> str:
        return f"{self.start_date:%-d %b %Y} to {self.end_date:%-d %b %Y}"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be the same as or after the start date."})
        taken = (
            WindowCapacity.objects.filter(page_id=self.page_id, key=self.key)
            .values_list("places_taken", flat=True)
            .first()
        )
        if taken and self.places is not None and self.places < taken:
            raise ValidationError(
                {"places": f"{taken} places are already taken in this window: offer at least {taken}."}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        WindowCapacity.sync(self)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        WindowCapacity.objects.filter(page_id=self.page_id, key=self.key).update(withdrawn=True)
        return super().delete(*args, **kwargs)


class WindowCapacityQuerySet(models.QuerySet):
    def open(self, on: datetime.date | None = None) -> "WindowCapacityQuerySet":
        """Windows still on their page and not yet over."""
        return self.filter(withdrawn=False, page__isnull=False, end_date__gte=on or today())

    def with_places_left(self) -> "WindowCapacityQuerySet":
        return self.filter(places_taken__lt=F("places"))


class WindowCapacity(models.Model):
    """The places in one availability window: the window's dates and advertised places as last
    saved to the live page, and the places taken by accepted requests. Never rewritten from a
    revision; `places_taken` only changes by conditional UPDATEs (placements/booking.py), and
    the CHECK constraint refuses any write that would oversubscribe the window."""

    page = models.ForeignKey(PlacementPage, null=True, on_delete=models.SET_NULL, related_name="capacities")
    key = models.UUIDField()
    placement_title = models.CharField(max_length=255)
    start_date = models.DateField()
    end_date = models.DateField()
    days_and_hours = models.CharField(max_length=150)
    places = models.PositiveSmallIntegerField()
    places_taken = models.PositiveSmallIntegerField(default=0)
    withdrawn = models.BooleanField(
        default=False, help_text="The window was removed from the placement page."
    )

    objects = WindowCapacityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "window capacities"
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="placements_capacity_one_per_window"),
            models.CheckConstraint(
                condition=Q(places_taken__gte=0) & Q(places_taken__lte=F("places")),
                name="placements_places_taken_within_places",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement_title}, {self.dates}"

    @property
    def places_left(self) -> int:
        return max(self.places - self.places_taken, 0)

    @property
    def dates(self) -> str:
        return f"{self.start_date:%-d %b %Y} to {self.end_date:%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return not self.withdrawn and self.page_id is not None and self.end_date >= today()

    def open_request_count(self) -> int:
        """Requests still waiting, waitlisted or accepted in this window."""
        return self.requests.filter(status__in=OPEN_REQUEST_STATUSES).count()

    @classmethod
    def sync(cls, window: AvailabilityWindow) -> None:
        """Copy a saved window onto its capacity row, creating it the first time. Advertised
        places never drop below the places already taken (a reverted revision might ask to)."""
        fields = {
            "placement_title": window.page.title,
            "start_date": window.start_date,
            "end_date": window.end_date,
            "days_and_hours": window.days_and_hours,
            "withdrawn": False,
        }
        places = Greatest(
            Value(window.places), F("places_taken"), output_field=models.PositiveSmallIntegerField()
        )
        rows = cls.objects.filter(page_id=window.page_id, key=window.key)
        if rows.update(places=places, **fields):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=window.page_id, key=window.key, places=window.places, **fields)
        except IntegrityError:
            # Another save created the row between our UPDATE and INSERT: update that one.
            rows.update(places=places, **fields)


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    ACCEPTED = "accepted", "Accepted"
    WAITLISTED = "waitlisted", "On the waiting list"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"


OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.WAITLISTED, RequestStatus.ACCEPTED)


class PlacementRequest(models.Model):
    """A school's, college's or home-education coordinator's request for places in one window.
    It holds the contact details of the adult who asked and counts, never anything about a pupil.
    Contact details are removed by `manage.py purge_placement_requests` after the window ends."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The request form's one-time token (portal.core.submissions): sending it twice makes one request.
    submission = models.UUIDField(null=True, unique=True, editable=False)
    window = models.ForeignKey(WindowCapacity, on_delete=models.PROTECT, related_name="requests")
    team = models.ForeignKey(
        CouncilTeam,
        on_delete=models.PROTECT,
        related_name="placement_requests",
        help_text="The host team the request was sent to.",
    )
    setting = models.ForeignKey(
        Setting, on_delete=models.PROTECT, related_name="+", verbose_name="type of setting"
    )
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="placement_requests"
    )
    organisation_name = models.CharField(
        max_length=150, blank=True, help_text="For home education or a setting not on the schools list."
    )
    contact_name = models.CharField(max_length=100, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=20, blank=True)
    young_people = models.PositiveSmallIntegerField("number of young people")
    year_groups = models.JSONField(default=list)
    adjustments_needed = models.TextField(blank=True)
    # For an encounter at the school (a talk, mock interviews): the dates the school can do, and
    # the one the host accepts with. Empty for everything else.
    preferred_from = models.DateField("earliest date", null=True, blank=True)
    preferred_to = models.DateField("latest date", null=True, blank=True)
    agreed_date = models.DateField(null=True, blank=True, help_text="The date the host accepted with.")
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    purged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the contact details were removed."
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "request for places"
        verbose_name_plural = "requests for places"
        constraints = [
            models.CheckConstraint(condition=Q(young_people__gte=1), name="placements_request_at_least_one"),
            models.CheckConstraint(
                condition=Q(preferred_from__isnull=True)
                | Q(preferred_to__isnull=True)
                | Q(preferred_from__lte=F("preferred_to")),
                name="placements_request_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        # No personal data here: Wagtail copies this string into its logs.
        return f"{self.reference}: {self.young_people} place{'s' if self.young_people != 1 else ''}"

    @property
    def reference(self) -> str:
        return f"PL-{self.pk:06d}" if self.pk else "PL-new"

    @property
    def placement_title(self) -> str:
        return self.window.placement_title

    @property
    def dates(self) -> str:
        return self.window.dates

    @property
    def preferred_dates(self) -> str:
        if not (self.preferred_from and self.preferred_to):
            return ""
        return f"{self.preferred_from:%-d %b %Y} to {self.preferred_to:%-d %b %Y}"

    @property
    def organisation(self) -> str:
        if self.school_id:
            return self.school.name
        return self.organisation_name or "Contact details removed"

    @property
    def year_group_labels(self) -> list[str]:
        labels = {code: label for code, label, _ in YEAR_GROUPS}
        return [labels.get(code, code) for code in self.year_groups]

    @property
    def is_final(self) -> bool:
        return self.status in {RequestStatus.DECLINED, RequestStatus.CANCELLED}


class RequestEvent(models.Model):
    """One change to a request: who made it, when, and what changed. The requester's status page
    shows these without the names of staff."""

    class Action(models.TextChoices):
        CREATED = "created", "Request sent"
        ACCEPTED = "accepted", "Accepted"
        WAITLISTED = "waitlisted", "Put on the waiting list"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled"
        PURGED = "purged", "Contact details removed"

    class Actor(models.TextChoices):
        REQUESTER = "requester", "The requester"
        HOST_TEAM = "host-team", "The host team"
        EDITOR = "editor", "Portal editors"
        SYSTEM = "system", "The portal"

    placement_request = models.ForeignKey(PlacementRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.CharField(max_length=12, choices=Actor.choices)
    action = models.CharField(max_length=12, choices=Action.choices)
    from_status = models.CharField(max_length=12, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=RequestStatus.choices, blank=True)
    note = models.TextField(blank=True, help_text="A message shown to the requester.")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


# Dated: the card lists the windows not yet over, which changes as days pass.
PLACEMENT_CARD = Card(
    PlacementPage, "placements/includes/placement_summary.html", "placement", with_listing_data, dated=True
)


# The directory as a listing (portal.listings.listing) --------------------------------------


def window_facets(placements: models.QuerySet) -> dict[str, dict[str, list[int]]]:
    """The index's derived facets: `month` -> the placements with an open window in that month;
    `month_with_places` -> the same, counting only windows with places left, and under `any`
    the placements with any such window."""
    months = [
        (f"{start:%Y-%m}", start, month_end(start)) for start in upcoming_months(today(), MONTHS_INDEXED)
    ]
    windows = WindowCapacity.objects.open().filter(page__in=placements.values("pk"))
    free = set(windows.with_places_left().values_list("pk", flat=True))
    in_month: dict[str, list[int]] = defaultdict(list)
    with_places: dict[str, list[int]] = defaultdict(list)
    for pk, page, first, last in windows.values_list("pk", "page_id", "start_date", "end_date"):
        for key, start, end in months:
            if first <= end and last >= start:
                in_month[key].append(page)
                if pk in free:
                    with_places[key].append(page)
        if pk in free:
            with_places[ANY_MONTH].append(page)
    return {"month": dict(in_month), "month_with_places": dict(with_places)}


def ordered(placements: models.QuerySet, sort: str) -> models.QuerySet:
    if sort == "title":
        return placements.order_by("title", "pk")
    if sort == "team":
        return placements.order_by("host_team__name", "title", "pk")
    next_start = (
        WindowCapacity.objects.open().filter(page=OuterRef("pk")).order_by("start_date").values("start_date")
    )
    return placements.annotate(next_start=Subquery(next_start[:1])).order_by("next_start", "title", "pk")


@dataclass
class WindowConditions:
    """The directory's dates and places (placements.filters.WindowFilter) as a refinement of its
    listing: the index answers them through `window_facets` when it can (`indexed`), the
    database otherwise."""

    windows: WindowFilter
    messages: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Any) -> "WindowConditions":
        windows = WindowFilter.from_params(params)
        return cls(windows, windows.messages)

    @property
    def active(self) -> bool:
        return self.windows.active

    def matching_windows(self, *, with_months: bool = True) -> WindowCapacityQuerySet:
        """Open windows meeting every date and places condition (optionally ignoring months)."""
        found = WindowCapacity.objects.open()
        if self.windows.places_left:
            found = found.with_places_left()
        if self.windows.date_from:
            found = found.filter(end_date__gte=self.windows.date_from)
        if self.windows.date_to:
            found = found.filter(start_date__lte=self.windows.date_to)
        if with_months and self.windows.months:
            in_a_month = Q()
            for start in self.windows.months:
                in_a_month |= Q(start_date__lte=month_end(start), end_date__gte=start)
            found = found.filter(in_a_month)
        return found

    def narrow(self, placements: models.QuerySet) -> models.QuerySet | None:
        if self.windows.indexed or not self.windows.active:
            return None
        return placements.filter(pk__in=self.matching_windows().values("page_id"))

    def derived(self) -> Mapping[str, Sequence[str]]:
        return self.windows.derived() if self.windows.indexed else {}

    def context(
        self, selection: Selection, query: FacetedQuery, placements: models.QuerySet
    ) -> dict[str, Any]:
        """The month options with their counts: from the index when it answers, else how many of
        the placements the facets leave have a matching window in each month (one query)."""
        if self.windows.indexed:
            options = self.windows.month_options(selection)
        else:
            rows = self.matching_windows(with_months=False).filter(
                page__in=query.apply(placements).values("pk")
            )
            spans = list(rows.values_list("page_id", "start_date", "end_date"))

            def count(start: datetime.date) -> int:
                end = month_end(start)
                return len({page for page, first, last in spans if first <= end and last >= start})

            options = self.windows.options_counted(count)
        return {"windows": self.windows, "month_facet": MONTH_FACET, "month_options": options}


MONTH_FACET = Facet("month", "Dates available", "")


def placement_guide(index: PlacementIndexPage, request: HttpRequest) -> dict[str, Any]:
    return {"guide": index.get_children().live().filter(slug="hosting-a-high-impact-placement").first()}


# Declared here, after the card it shows. The date is part of the index's version: listings
# expire and windows close as days pass, with nothing saved.
PlacementIndexPage.listing_declaration = FacetedListing(
    name="placements",
    facets=placement_facets,
    sorts={key: Sort(label, partial(ordered, sort=key)) for key, label in SORTS.items()},
    default_sort="soonest",
    card=PLACEMENT_CARD,
    items="live_placements",
    noun=("result", "results"),
    page_size=PAGE_SIZE,
    template="placements/placement_index_page.html",
    refinements=(WindowConditions.from_params,),
    derived=window_facets,
    version=lambda: f"{content_version()}:{today()}",
    extra_context=placement_guide,
)
