"""The events calendar: careers fairs, the careers roadshow, Careers Network meetings,
apprenticeship events, open days, summer-school weeks and CPD training.

Times are aware datetimes shown and exported in Europe/London (TIME_ZONE), so an event keeps its
local time across the clocks changing. The listing at /events/ has upcoming and past events with
filters; /events/calendar.ics is the same list as an iCalendar feed (with the same filters), and
each event has its own .ics to add to a calendar (see events/ical.py and events/urls.py).

Careers Network attendance is a separate model rather than part of the page: it is recorded after
the meeting, is not published, and should not wait for (or be undone by) a page revision."""

import datetime
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.listings.cards import Card
from portal.listings.listing import FacetedListing, ListingPage
from portal.taxonomy.models import Audience, CouncilTeam, School

from . import ical
from .dates import format_span, local
from .filters import PAGE_SIZE, SORTS, EventFilters, EventTab, event_facets
from .vocabulary import EventKind

# A subscribed calendar keeps the last year of events, so a careers leader can look back at the
# year's meetings without the feed growing for ever.
FEED_HISTORY = datetime.timedelta(days=365)


# The Gatsby Benchmarks each type of event usually serves, so a search by benchmark finds events
# too: fairs, roadshows and apprenticeship events are encounters with employers (5) and providers
# (7); open days with providers (7); enterprise weeks with employers (5); the network supports
# each school's careers programme (1). Training on Thrive or Emotion Coaching is not careers work.
BENCHMARKS_BY_KIND: dict[str, list[int]] = {
    EventKind.CAREERS_FAIR: [2, 5, 7],
    EventKind.ROADSHOW: [2, 5, 7],
    EventKind.NETWORK_MEETING: [1],
    EventKind.APPRENTICESHIP: [5, 7],
    EventKind.OPEN_DAY: [7],
    EventKind.SUMMER_SCHOOL: [5],
    EventKind.CPD: [],
}


class EventIndexPage(ListingPage, Page):
    """`/events/`: upcoming and past events with filters, and the calendar feed."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "events calendar"

    def live_events(self) -> models.QuerySet["EventPage"]:
        return EventPage.objects.live().public().descendant_of(self)

    @path("calendar.ics/", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        """The iCalendar feed to subscribe to: upcoming events and the last year's, filtered by the
        same parameters as the listing (bad values are ignored)."""
        filters = EventFilters.from_params(request.GET)
        events = filters.apply(self.live_events().filter(end__gte=timezone.now() - FEED_HISTORY))
        name = "Stockton careers events" + (f": {filters.describe()}" if filters.active else "")
        return ical.calendar_response(
            request,
            with_listing_data(events.order_by("start", "title")),
            name=name,
            filename="stockton-careers-events.ics",
        )

    def feed_links(self, request: HttpRequest) -> dict[str, str]:
        """The listing's feed, with its filters, as a link, an address to copy and a webcal:// link
        (which opens the visitor's calendar app to subscribe)."""
        filters = EventFilters.from_params(request.GET)
        url = ical.feed_url(self, filters.feed_params())
        absolute = request.build_absolute_uri(url)
        return {
            "feed_url": url,
            "feed_absolute": absolute,
            "feed_webcal": "webcal://" + absolute.split("://", 1)[1],
        }


def with_listing_data(events: models.QuerySet) -> models.QuerySet:
    """Events with what a listing or feed shows loaded in a fixed number of queries."""
    return events.select_related("organiser_team").prefetch_related("audiences")


class EventPage(RoutablePageMixin, Page):
    """One event: what, when, where, who it is for, how to book and who runs it."""

    kind = models.CharField("type", max_length=30, choices=EventKind.choices)
    summary = models.TextField(
        max_length=400, help_text="One or two sentences for the listing and calendars."
    )
    body = StreamField(BodyBlock(), blank=True)
    start = models.DateTimeField(help_text="UK time (GMT or BST, whichever applies on the day).")
    end = models.DateTimeField(help_text="UK time. For a week-long event, the end of the last day.")
    is_cancelled = models.BooleanField(
        "cancelled",
        default=False,
        help_text="Keep a cancelled event published and tick this: subscribed calendars then show it as cancelled.",
    )
    venue = models.CharField(
        "place", max_length=150, blank=True, help_text="e.g. “Riverside Sixth Form College, main hall”."
    )
    address = models.TextField(blank=True, help_text="Street address and postcode.")
    online_url = models.URLField(
        "online joining link",
        blank=True,
        help_text="For an online or hybrid event. Anyone who sees the page can use it.",
    )
    audiences = ParentalManyToManyField(Audience, related_name="events", help_text="Who the event is for.")
    booking_url = models.URLField("booking link", blank=True)
    places = models.PositiveIntegerField("number of places", null=True, blank=True)
    booking_details = models.CharField(
        "how to book",
        max_length=250,
        blank=True,
        help_text="If there is no booking link, e.g. “Book through your school's careers leader”.",
    )
    organiser_team = models.ForeignKey(
        CouncilTeam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="organising team",
    )
    organiser = models.CharField(
        max_length=150,
        blank=True,
        help_text="If not a council team: a role or organisation, e.g. “Careers Lead, Riverside Sixth Form College”.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_cancelled")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="When"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")], heading="Where"
        ),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("booking_url"), FieldRowPanel([FieldPanel("places"), FieldPanel("booking_details")])],
            heading="Booking",
        ),
        MultiFieldPanel([FieldPanel("organiser_team"), FieldPanel("organiser")], heading="Organiser"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    search_type: ClassVar[tuple[str, str]] = ("event", "Event")

    class Meta:
        verbose_name = "event"
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The end must be after the start."
        if not self.venue.strip() and not self.online_url:
            errors["venue"] = "Give the place, or an online joining link, or both."
        if not self.organiser_team_id and not self.organiser.strip():
            errors["organiser"] = "Choose the organising team, or name the organiser."
        if errors:
            raise ValidationError(errors)

    @property
    def when(self) -> str:
        return format_span(self.start, self.end)

    @property
    def organiser_name(self) -> str:
        return self.organiser_team.name if self.organiser_team else self.organiser

    @property
    def place(self) -> str:
        """Where, in one line: the place and address, or "Online"."""
        parts = [
            self.venue.strip(),
            ", ".join(line.strip() for line in self.address.splitlines() if line.strip()),
        ]
        place = ", ".join(part for part in parts if part)
        if self.online_url:
            return f"{place} and online" if place else "Online"
        return place

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["event_data"] = self.schema_org(request)
        return context

    @path("event.ics/", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        """This one event as an .ics file to add to a calendar."""
        return ical.calendar_response(
            request, [self], name=self.title, filename=f"{self.slug}.ics", attachment=True
        )

    def ics_url(self) -> str:
        return ical.event_url(self)

    def schema_org(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """The event as schema.org Event data, for the page's JSON-LD."""
        modes = {
            (True, False): "OfflineEventAttendanceMode",
            (False, True): "OnlineEventAttendanceMode",
            (True, True): "MixedEventAttendanceMode",
        }
        has_place, online = bool(self.venue.strip()), bool(self.online_url)
        locations: list[dict[str, Any]] = []
        if has_place:
            locations.append({"@type": "Place", "name": self.venue, "address": self.address or self.venue})
        if online:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": local(self.start).isoformat(),
            "endDate": local(self.end).isoformat(),
            "eventStatus": f"https://schema.org/{'EventCancelled' if self.is_cancelled else 'EventScheduled'}",
            "eventAttendanceMode": f"https://schema.org/{modes.get((has_place, online), 'OfflineEventAttendanceMode')}",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {"@type": "Organization", "name": self.organiser_name},
            "audience": [
                {"@type": "Audience", "audienceType": audience.name} for audience in self.audiences.all()
            ],
            "url": self.get_full_url(request),
        }
        if self.booking_url:
            data["offers"] = {"@type": "Offer", "url": self.booking_url}
        if self.places:
            data["maximumAttendeeCapacity"] = self.places
        return data

    def search_document(self) -> dict[str, Any]:
        """This event for the portal search (see the search app's registration protocol)."""
        body = " ".join(
            [
                self.summary,
                self.when,
                self.place,
                self.organiser_name,
                self.booking_details,
                strip_tags(str(self.body)),
            ]
        )
        return {
            "title": self.title,
            "summary": self.summary,
            "body": " ".join(body.split()),
            "url": self.get_url() or "",
            "benchmarks": list(BENCHMARKS_BY_KIND.get(self.kind, [])),
            "key_stages": [],
            "audiences": [audience.code for audience in self.audiences.all()],
            "settings": [],
            "tags": [self.get_kind_display()],
            "kind": self.kind,
            "kind_label": self.get_kind_display(),
            "date": local(self.start).date(),
            "has_places_left": None,
        }


class NetworkAttendance(models.Model):
    """Which schools and colleges came to one Careers Network meeting, recorded by an officer after
    it. The council's success measure counts these (events/attendance.py)."""

    meeting = models.OneToOneField(
        EventPage,
        on_delete=models.CASCADE,
        related_name="attendance",
        limit_choices_to={"kind": EventKind.NETWORK_MEETING},
        help_text="Only Careers Network meetings are listed.",
    )
    schools = models.ManyToManyField(
        School,
        blank=True,
        related_name="network_meetings_attended",
        help_text="Tick every school and college that sent someone.",
    )
    notes = models.TextField(
        blank=True, help_text="Anything worth keeping, e.g. apologies received. No names."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Careers Network attendance"
        verbose_name_plural = "Careers Network attendance"
        ordering = ["-meeting__start"]

    def __str__(self) -> str:
        return f"{self.meeting.title} ({local(self.meeting.start):%d/%m/%Y})"

    def clean(self) -> None:
        super().clean()
        if self.meeting_id and self.meeting.kind != EventKind.NETWORK_MEETING:
            raise ValidationError({"meeting": "Attendance is recorded for Careers Network meetings only."})


EVENT_CARD = Card(EventPage, "events/includes/event_summary.html", "event", with_listing_data)


class EventAttendance(models.Model):
    """How many came to an event (any type but Careers Network meetings, whose schools are ticked
    by name in NetworkAttendance): counts only, recorded by an officer afterwards. The action
    plan's measures count these (events/attendance.py)."""

    event = models.OneToOneField(
        EventPage,
        on_delete=models.CASCADE,
        related_name="attendance_counts",
        limit_choices_to=~models.Q(kind=EventKind.NETWORK_MEETING),
    )
    schools = models.PositiveIntegerField("schools and colleges", default=0)
    young_people = models.PositiveIntegerField(default=0)
    parents = models.PositiveIntegerField("parents and carers", default=0)
    staff = models.PositiveIntegerField(
        "school and college staff", default=0, help_text="For CPD training, the people trained."
    )
    notes = models.TextField(blank=True, help_text="Anything worth keeping. No names.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "event attendance"
        verbose_name_plural = "event attendance"
        ordering = ["-event__start"]

    def __str__(self) -> str:
        return f"{self.event.title} ({local(self.event.start):%d/%m/%Y})"

    def clean(self) -> None:
        super().clean()
        if self.event_id and self.event.kind == EventKind.NETWORK_MEETING:
            raise ValidationError(
                {"event": "Record a Careers Network meeting's schools in Network attendance."}
            )


# Declared here, after the card it shows, rather than in the index page's class body. The tabs
# (`when`) choose the order, soonest first or most recent first, and narrow to upcoming or past
# events; the month narrows in the database too.
EventIndexPage.listing_declaration = FacetedListing(
    name="events",
    facets=event_facets,
    sorts=SORTS,
    default_sort="upcoming",
    card=EVENT_CARD,
    items="live_events",
    noun=("event", "events"),
    page_size=PAGE_SIZE,
    template="events/event_index_page.html",
    sort_param="when",
    unknown_sort="“{value}” is not a list we know, so upcoming events are shown.",
    refinements=(EventTab.from_params,),
    extra_context=lambda page, request: page.feed_links(request),
)
