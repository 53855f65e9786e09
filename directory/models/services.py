"""Council and partner services for schools: the live version of the school support booklet.

Services are pages, so every change is previewed, kept as a revision and can go through the
moderation workflow before schools see it. The booklet PDF is generated from the same pages."""

import datetime
import uuid
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.listings.cards import Card
from portal.listings.listing import FacetedListing, ListingPage
from portal.taxonomy.models import Benchmark, CouncilTeam

from ..filters import SERVICE_PAGE_SIZE, SERVICE_SORTS, service_facets
from ..plain_text import stream_text
from ..vocabulary import COSTS, PHASE_AGES, PHASE_KEY_STAGES, SERVICE_KINDS, choices
from .organisations import Location, PartnerOrganisation
from .terms import Need, Phase


class ServiceStatus(models.TextChoices):
    # The Open Referral UK status values a live page can have.
    ACTIVE = "active", "Taking referrals"
    PAUSED = "temporarily closed", "Not taking new referrals for now"


class SupportIndexPage(ListingPage, Page):
    """`/support-for-schools/`: every service, browsable by phase and need, and the booklet."""

    intro = models.TextField(help_text="One or two sentences under the page title.")
    body = StreamField(BodyBlock(), blank=True, help_text="How to use the booklet, shown under the services.")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = "services for schools index"

    def live_services(self) -> models.QuerySet["ServicePage"]:
        return ServicePage.objects.live().public().descendant_of(self)


class ServicePage(RoutablePageMixin, Page):
    """A service for schools: who it is for, what it offers and how to refer."""

    search_type: ClassVar[tuple[str, str]] = ("service", "Service for schools")

    summary = models.TextField(max_length=300, help_text="One or two sentences for listings and the booklet.")
    team = models.ForeignKey(
        CouncilTeam,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
        help_text="The council team that runs the service. Its staff see the enquiries.",
    )
    partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Or the partner organisation that runs it.",
    )
    kind = models.CharField("type of support", max_length=20, choices=choices(SERVICE_KINDS))
    phases = ParentalManyToManyField(Phase, related_name="services", help_text="At least one.")
    needs = ParentalManyToManyField(Need, blank=True, related_name="services")
    benchmarks = ParentalManyToManyField(
        Benchmark, blank=True, related_name="directory_services", help_text="For careers services only."
    )
    body = StreamField(BodyBlock(), help_text="What the service offers.")
    eligibility = models.TextField(help_text="Who can be referred, and any thresholds.")
    referral_route = models.TextField(
        "how to refer", help_text="The route: which form, where to send it, who can refer."
    )
    referral_checklist = models.TextField(
        "what a good referral includes",
        help_text="One item a line. Schools use this to get the referral right first time.",
    )
    referral_url = models.URLField("referral form link", blank=True)
    response_time = models.CharField(
        max_length=120, blank=True, help_text="e.g. “We reply within 5 working days.”"
    )
    cost = models.CharField(max_length=10, choices=choices(COSTS), default="free")
    cost_details = models.CharField(
        max_length=255, blank=True, help_text="Prices, or what is free and what is not."
    )
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    alert = models.CharField(
        max_length=255, blank=True, help_text="A short notice, e.g. “Waiting list until September.”"
    )
    locations = ParentalManyToManyField(Location, blank=True, related_name="services")
    last_reviewed = models.DateField(default=datetime.date.today)
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, unique=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("team"), FieldPanel("partner")], heading="Who runs it"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("benchmarks", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Who it is for",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldPanel("referral_route"),
                FieldPanel("referral_checklist"),
                FieldPanel("referral_url"),
                FieldPanel("response_time"),
            ],
            heading="How to refer",
        ),
        InlinePanel("contacts", label="Contacts", min_num=1),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_details")], heading="Cost"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("alert")], heading="Status"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("eligibility"),
        index.SearchField("referral_route"),
        index.FilterField("kind"),
        index.FilterField("cost"),
    ]
    parent_page_types = ["directory.SupportIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["oruk_id"]

    class Meta:
        verbose_name = "service for schools"
        verbose_name_plural = "services for schools"

    def clean(self) -> None:
        super().clean()
        if bool(self.team_id) == bool(self.partner_id):
            message = "Choose either the council team or the partner organisation that runs this service."
            raise ValidationError({"team": message, "partner": message})

    def with_content_json(self, content: dict[str, Any]) -> "ServicePage":
        """A revision or an alias never changes the service's public Open Referral id."""
        page = super().with_content_json(content)
        page.oruk_id = self.oruk_id
        return page

    # Who runs it -------------------------------------------------------------------------------

    @property
    def run_by(self) -> CouncilTeam | PartnerOrganisation | None:
        return self.team or self.partner

    @property
    def run_by_email(self) -> str:
        if self.team:
            return self.team.contact_email
        return self.partner.email if self.partner else ""

    # Derived facts -----------------------------------------------------------------------------

    @property
    def checklist_items(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.referral_checklist.splitlines() if line.strip(" -•\t")]

    def phase_codes(self) -> list[str]:
        return [phase.code for phase in self.phases.all()]

    def key_stage_codes(self) -> list[str]:
        return [ks for code in self.phase_codes() for ks in PHASE_KEY_STAGES[code]]

    def age_range(self) -> tuple[int, int] | None:
        ages = [PHASE_AGES[code] for code in self.phase_codes()]
        return (min(a for a, _ in ages), max(b for _, b in ages)) if ages else None

    def search_document(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "summary": self.summary,
            # Who runs it too, so that words on the listing find a service by its team or partner.
            "body": " ".join(
                [
                    stream_text(self.body),
                    self.eligibility,
                    self.referral_route,
                    getattr(self.run_by, "name", ""),
                ]
            ),
            "url": self.url or "",
            "benchmarks": [b.number for b in self.benchmarks.all()],
            "key_stages": self.key_stage_codes(),
            "audiences": ["teachers"],
            "settings": [],
            "tags": [need.name for need in self.needs.all()],
            "kind": self.kind,
            "date": self.last_reviewed,
            "has_places_left": None,
        }

    # Listing helpers ---------------------------------------------------------------------------

    @staticmethod
    def with_listing_data(services: models.QuerySet) -> models.QuerySet:
        """Services with what listings and the booklet show, in a fixed number of queries."""
        return services.select_related("team", "partner").prefetch_related("phases", "needs")

    # Public views ------------------------------------------------------------------------------

    @path("")
    @method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True))
    def service(self, request: HttpRequest) -> HttpResponse:
        """The service, with the enquiry form; a valid enquiry goes to the confirmation page, and
        so does the same form sent again (portal.core.submissions), without a second enquiry."""
        from portal.core.submissions import earlier_submission

        from ..enquiries import submit_enquiry
        from ..forms import ReferralEnquiryForm

        token = None
        if request.method == "POST":
            enquiry, token = earlier_submission(self.enquiries.all(), request.POST, "email")
            if enquiry is not None:
                return self._enquiry_confirmation(request, enquiry)
        form = ReferralEnquiryForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            return self._enquiry_confirmation(request, submit_enquiry(self, form, token))
        return self.render(request, context_overrides={"form": form})

    def _enquiry_confirmation(self, request: HttpRequest, enquiry: Any) -> HttpResponse:
        request.session["directory_enquiry_reference"] = enquiry.reference
        return HttpResponseRedirect(self.url + self.reverse_subpage("enquiry_sent"))

    @path("enquiry-sent/", name="enquiry_sent")
    def enquiry_sent(self, request: HttpRequest) -> HttpResponse:
        return self.render(
            request,
            template="directory/enquiry_sent.html",
            context_overrides={"reference": request.session.get("directory_enquiry_reference")},
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = self.contacts.all()
        context["service_locations"] = self.locations.all()
        context["retention_months"] = settings.DIRECTORY_ENQUIRY_RETENTION_MONTHS
        return context


class ServiceContact(Orderable):
    """A way to reach a service: a role and a shared mailbox, never a named person."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=120, help_text="A role, e.g. “Duty Educational Psychologist”.")
    email = models.EmailField(help_text="A shared mailbox.")
    phone = models.CharField(max_length=30, blank=True)
    hours = models.CharField(max_length=120, blank=True, help_text="e.g. “Monday to Friday, 9am to 4.30pm”.")

    panels = [
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("hours"),
    ]

    def __str__(self) -> str:
        return f"{self.role} ({self.email})"


SERVICE_CARD = Card(
    ServicePage, "directory/includes/service_summary.html", "service", ServicePage.with_listing_data
)

# Declared here, after the card it shows, rather than in the index page's class body.
SupportIndexPage.listing_declaration = FacetedListing(
    name="support-for-schools",
    facets=service_facets,
    sorts=SERVICE_SORTS,
    default_sort="title",
    card=SERVICE_CARD,
    items="live_services",
    noun=("service", "services"),
    page_size=SERVICE_PAGE_SIZE,
    template="directory/support_index_page.html",
    extra_context=lambda page, request: {"phases": Phase.objects.all()},
)
