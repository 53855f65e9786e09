"""Loads the demo content from demo/data/*.toml (docs/demo-content.md).

Each data file holds records of a few kinds (`[[section]]`, `[[page]]`, `[[request]]`...). One
builder function per kind turns a record into objects; pages of every type go through one path,
`build_page`, which reads each value by the type of the model field it is for (a date string for a
DateField, codes for a many-to-many, a list of dicts for child rows...), so a data file can name any
field of its page type. The few things no field type says (a story's transcript, a window's key
kept across reloads) are small hooks keyed by page type.

Loading is idempotent: pages are found by parent and slug, everything else by a natural key."""

import datetime
import logging
import os
import tomllib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from taggit.managers import TaggableManager
from wagtail.documents.models import Document
from wagtail.fields import StreamField
from wagtail.models import Page

from directory.models import ProviderPage
from directory.vocabulary import stable_uuid
from events.dates import Term
from events.models import EventAttendance, EventPage, NetworkAttendance
from events.vocabulary import EventKind
from feedback.models import Feedback
from feedback.vocabulary import QUESTIONS, YES
from hosts.approval import approve
from hosts.models import HostApplication
from placements.models import PlacementPage, PlacementRequest, RequestEvent, RequestStatus, WindowCapacity
from placements.teams import setup_host_team
from portal.taxonomy.models import CouncilTeam, School, Setting
from publishing.models import ContributorRequest
from publishing.roles import SCHOOL_CONTRIBUTORS, setup_roles
from search import sync as search_sync
from search.engines import index_engines
from search.engines.elastic import ELASTICSEARCH_ERRORS
from search.maintenance import rebuild
from search.registry import all_documents
from selfreview.models import CareersLeader
from selfreview.profile import record as record_review
from selfreview.vocabulary import MET, NOT_YET, PARTLY, STATEMENTS

from .dates import Calendar
from .files import simple_pdf

logger = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"
# In loading order: each file may use what the files before it made.
SECTIONS = (
    "site",
    "teams",
    "resources",
    "placements",
    "encounters",
    "employers",
    "directory",
    "post16",
    "stories",
    "events",
    "publishing",
    "selfreview",
    "feedback",
)
DEV_ONLY_PASSWORD = "stockton-demo-admin"  # noqa: S105 - printed for local use; refused unless DEBUG
# How a record names an object of these models; any other model is named by its code, slug or name.
NATURAL_KEYS = {"taxonomy.Benchmark": "number", "taxonomy.School": "urn", "taxonomy.CouncilTeam": "slug"}


def demo_password() -> str | None:
    """The password of every demo account: DEMO_ADMIN_PASSWORD, or a fixed development value when
    DEBUG is on; None (no demo accounts can sign in) otherwise, so production never gets a default."""
    return os.environ.get("DEMO_ADMIN_PASSWORD") or (DEV_ONLY_PASSWORD if settings.DEBUG else None)


def read(section: str) -> dict[str, Any]:
    """One data file, parsed."""
    with (DATA / f"{section}.toml").open("rb") as file:
        return tomllib.load(file)


@dataclass
class Loader:
    """What every builder needs: the home page, one calendar for the whole load, the password."""

    home: Page
    calendar: Calendar
    password: str | None
    loaded: dict[str, int] = field(default_factory=dict)

    def page_at(self, path: str) -> Page:
        """The page at a slug path below the home page ("" is the home page itself)."""
        page = self.home
        for slug in filter(None, path.split("/")):
            child = page.get_children().filter(slug=slug).first()
            if child is None:
                raise LookupError(f"No page at {path!r}: load the data file that makes it first.")
            page = child
        return page.specific

    def words(self, record: dict[str, Any]) -> dict[str, Any]:
        """The names a record's text may use: {today:long}, {ay} and {ay1} (the years the academic
        year spans), and the record's own fields once read, e.g. {start:%Y}; a record's `dates`
        table names more dates for its text."""
        year = self.calendar.academic_year
        return {"today": self.calendar.date("+0d"), "ay": year, "ay1": year + 1, **record}


def load_everything(home: Page) -> dict[str, int]:
    """Every data file in one transaction, then every search index rebuilt once: pages are not
    indexed one at a time as they are published, since the rebuild writes them all again."""
    with transaction.atomic(), search_sync.paused():
        loaded = load(home)
    rebuild_search()
    return loaded


def load(home: Page, sections: Iterable[str] = SECTIONS, calendar: Calendar | None = None) -> dict[str, int]:
    """Load the named data files in order; returns how many records of each kind were loaded."""
    loader = Loader(home=home.specific, calendar=calendar or Calendar.now(), password=demo_password())
    for section in sections:
        data = read(section)
        unknown = set(data) - set(BUILDERS)
        if unknown:
            raise ValueError(f"{section}.toml: no builder for {sorted(unknown)}")
        for kind, builder in BUILDERS.items():
            records = data.get(kind, [])
            for record in records if isinstance(records, list) else [records]:
                builder(loader, dict(record))
                loader.loaded[kind] = loader.loaded.get(kind, 0) + 1
    return loader.loaded


# ---------------------------------------------------------------------------------------------
# Reading values by field type


def natural_key(model: type[models.Model]) -> str:
    if model._meta.label in NATURAL_KEYS:
        return NATURAL_KEYS[model._meta.label]
    names = {f.name for f in model._meta.get_fields()}
    return next(name for name in ("code", "slug", "name") if name in names)


def lookup(model: type[models.Model], value: Any) -> models.Model:
    return model._default_manager.get(**{natural_key(model): value})


def blocks(items: list[Any]) -> list[dict[str, Any]]:
    """StreamField data: a string is a paragraph, "## text" a heading, a table any other block."""
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
        elif item.startswith("## "):
            out.append({"type": "heading", "value": item.removeprefix("## ")})
        else:
            out.append({"type": "paragraph", "value": f"<p>{item}</p>"})
    return out


def demo_pdf(title: str, lines: list[str]) -> Document:
    """A real PDF document in the document library, created once per title."""
    document = Document.objects.filter(title=title).first()
    if document is None:
        filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:80] + ".pdf"
        document = Document(title=title)
        document.file.save(filename, ContentFile(simple_pdf(title, lines)), save=False)
        document._set_document_file_metadata()  # size and hash, as the admin's upload form sets them
        document.save()
    return document


def read_dates(loader: Loader, model: type[models.Model], record: dict[str, Any]) -> None:
    """Replace date strings by dates, in place; a start and end (or start_date and end_date) are
    read together, so a span never ends before it starts."""
    for first, last in (("start", "end"), ("start_date", "end_date")):
        if isinstance(record.get(first), str) and isinstance(record.get(last), str):
            if isinstance(model._meta.get_field(first), models.DateTimeField):
                record[first], record[last] = loader.calendar.moments(record[first], record[last])
            else:
                record[first], record[last] = loader.calendar.span(record[first], record[last])
    for name, value in record.items():
        if not isinstance(value, str):
            continue
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # not a field: convert() says so
        if isinstance(model_field, models.DateTimeField):
            record[name] = loader.calendar.moment(value)
        elif isinstance(model_field, models.DateField):
            record[name] = loader.calendar.date(value)
        elif isinstance(model_field, models.TimeField):
            record[name] = datetime.time.fromisoformat(value)


def convert(loader: Loader, model: type[models.Model], record: dict[str, Any]) -> tuple[dict, dict]:
    """A record's values as model values: (fields, many-to-many values)."""
    named = {name: loader.calendar.date(text) for name, text in record.pop("dates", {}).items()}
    read_dates(loader, model, record)
    words = loader.words(record) | named
    fields: dict[str, Any] = {}
    many: dict[str, list[Any]] = {}
    for name, value in record.items():
        if isinstance(value, str) and "{" in value:
            value = value.format_map(words)
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise ValueError(f"{model._meta.label} has no field {name!r}: check the data file") from error
        if isinstance(model_field, TaggableManager):
            many[name] = value
        elif model_field.many_to_many:
            many[name] = [lookup(model_field.related_model, item) for item in value]
        elif model_field.one_to_many:  # child rows (an InlinePanel's orderables)
            fields[name] = [model_field.related_model(**child(loader, model_field, item)) for item in value]
        elif model_field.many_to_one and value is not None and not isinstance(value, models.Model):
            fields[name] = (
                demo_pdf(value["title"], value["lines"])
                if model_field.related_model is Document
                else lookup(model_field.related_model, value)
            )
        elif isinstance(model_field, StreamField):
            fields[name] = blocks(value)
        elif isinstance(value, list) and isinstance(model_field, models.CharField | models.TextField):
            # One item a line, as the admin's text boxes take them.
            fields[name] = "\n".join(value)
        else:
            fields[name] = value
    return fields, many


def child(loader: Loader, relation: Any, item: dict[str, Any]) -> dict[str, Any]:
    fields, _ = convert(loader, relation.related_model, dict(item))
    return fields


# ---------------------------------------------------------------------------------------------
# Pages


def upsert_page(parent: Page, model: type[Page], slug: str, fields: dict, many: dict | None = None) -> Page:
    """The child of `parent` with this slug, created or updated with `fields`, then published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    for name, values in (many or {}).items():
        getattr(page, name).set(list(values))
    # Validated when published (Page.save cleans), and a new page when added: not a third time.
    page.save_revision(clean=False).publish()
    return page


def build_page(loader: Loader, record: dict[str, Any]) -> Page:
    """Any page: `type` names the model, `parent` the slug path below home, the rest its fields."""
    model = apps.get_model(record.pop("type"))
    parent = loader.page_at(record.pop("parent", ""))
    before, after = PAGE_HOOKS.get(model._meta.label, (None, None))
    extra = before(loader, parent, record) if before else None
    fields, many = convert(loader, model, record)
    slug = fields.pop("slug")
    page = upsert_page(parent, model, slug, fields, many)
    if after:
        after(loader, page, extra)
    return page


def placement_before(loader: Loader, parent: Page, record: dict[str, Any]) -> dict[str, Any]:
    """Windows keep their keys (and so their places taken) when the same dates load again."""
    existing = parent.get_children().filter(slug=record["slug"]).first()
    keys = {(w.start_date, w.end_date): w.key for w in existing.specific.windows.all()} if existing else {}
    for window in record.get("windows", []):
        start, end = loader.calendar.span(window["start_date"], window["end_date"])
        window["start_date"], window["end_date"] = start, end
        window["key"] = keys.get((start, end), uuid.uuid4())
    return {"last_confirmed": record.pop("last_confirmed", None)}


def placement_after(loader: Loader, page: Page, extra: dict[str, Any]) -> None:
    if extra["last_confirmed"]:
        # Some listings have not been confirmed for a while, to show the flags and the expiry.
        confirmed = loader.calendar.date(extra["last_confirmed"])
        type(page).objects.filter(pk=page.pk).update(last_confirmed=confirmed)


def provider_before(loader: Loader, parent: Page, record: dict[str, Any]) -> None:
    """Fixed ids, so reloading the demo keeps every route's Open Referral id."""
    for n, route in enumerate(record.get("routes", [])):
        route["oruk_id"] = stable_uuid("demo-route", f"{record['slug']}:{n}")


def story_before(loader: Loader, parent: Page, record: dict[str, Any]) -> None:
    """The interview as the transcript, and links to where a young person could start."""
    name = record["first_name"]
    lines = []
    for turn in record.pop("interview"):
        lines += [f"Interviewer: {turn['question']}", f"{name}: {turn['answer']}"]
    record.update(transcript="\n\n".join(lines), film_url="", has_captions=False)
    record["related_links"] = [{"link_page": page} for page in related_pages(loader, record.pop("related"))]


def related_pages(loader: Loader, related: dict[str, list[str]]) -> list[Page]:
    """Live pages a story points to: resources by slug, then the first placement and post-16 page
    whose title has one of the words (those sections come from other data files)."""
    sections = {page.slug: page for page in loader.home.get_children().live()}
    found: list[Page] = []
    if "resources" in sections:
        found += (
            Page.objects.live().child_of(sections["resources"]).filter(slug__in=related.get("resources", []))
        )
    for slug in ("placements", "post-16"):
        if slug not in sections:
            continue
        # Deepest first, so a placement is preferred to the host team page above it.
        candidates = Page.objects.live().descendant_of(sections[slug]).order_by("-depth", "path")
        words = related.get(slug, [])
        match = next(
            (page for word in words if (page := candidates.filter(title__icontains=word).first())), None
        )
        if match is not None:
            found.append(match)
    return found


def event_before(loader: Loader, parent: Page, record: dict[str, Any]) -> list[str]:
    return record.pop("attended", [])


def event_after(loader: Loader, page: Page, attended: list[str]) -> None:
    """A Careers Network meeting that has been held records the schools that came."""
    if not attended or page.start > timezone.now():
        return
    record, _ = NetworkAttendance.objects.get_or_create(meeting=page)
    record.schools.set(School.objects.filter(urn__in=attended))


Hook = Callable[..., Any]
PAGE_HOOKS: dict[str, tuple[Hook | None, Hook | None]] = {
    "placements.PlacementPage": (placement_before, placement_after),
    "directory.ProviderPage": (provider_before, None),
    "stories.StoryPage": (story_before, None),
    "events.EventPage": (event_before, event_after),
}


# ---------------------------------------------------------------------------------------------
# Other kinds of record


def upsert_object(model_label: str) -> Callable[[Loader, dict[str, Any]], models.Model]:
    """A builder that creates or updates an object of the model by its natural key."""

    def build(loader: Loader, record: dict[str, Any]) -> models.Model:
        model = apps.get_model(model_label)
        fields, many = convert(loader, model, record)
        key = natural_key(model)
        obj, _ = model._default_manager.update_or_create(**{key: fields.pop(key)}, defaults=fields)
        for name, values in many.items():
            getattr(obj, name).set(values)
        return obj

    return build


def build_home(loader: Loader, record: dict[str, Any]) -> None:
    """The home page's title, introduction and a route for each kind of visitor."""
    home = loader.home
    home.title, home.intro = record["title"], record["intro"]
    home.routes = [
        {
            "type": "route",
            "value": {
                "heading": route["heading"],
                "text": route["text"],
                "links": [{"label": label, "url": url, "page": None} for label, url in route["links"]],
            },
        }
        for route in record["routes"]
    ]
    home.save_revision().publish()


def demo_user(loader: Loader, username: str, email: str, first_name: str, last_name: str) -> Any:
    """A demo account: the demo password if there is one, else none that works."""
    user, _ = get_user_model().objects.update_or_create(
        username=username, defaults={"email": email, "first_name": first_name, "last_name": last_name}
    )
    if loader.password:
        user.set_password(loader.password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def build_user(loader: Loader, record: dict[str, Any]) -> None:
    """A demo account with its roles (groups), e.g. an editor or a reporting user."""
    setup_roles()
    user = demo_user(
        loader, record["username"], record["username"], record["first_name"], record["last_name"]
    )
    user.groups.set(Group.objects.filter(name__in=record.get("groups", [])))


def build_host_team(loader: Loader, record: dict[str, Any]) -> None:
    """A council team's page in the placements directory, its group and, only when the demo admin
    is made, a team member with the same password."""
    team = lookup(CouncilTeam, record["team"])
    setup_host_team(team, loader.page_at("placements"))
    team.refresh_from_db()
    if not loader.password:
        return
    user, _ = get_user_model().objects.get_or_create(
        username=record["member"],
        defaults={
            "email": f"{record['member']}@example.org",
            "first_name": "Demo",
            "last_name": f"host ({team.name})",
        },
    )
    user.set_password(loader.password)
    user.is_staff = False
    user.save()
    user.groups.add(team.group, *Group.objects.filter(name__in=record.get("groups", [])))


def application(loader: Loader, record: dict[str, Any], password: str | None) -> Any:
    """A local employer's application to host, made once (by email address)."""
    model = HostApplication
    existing = model.objects.filter(contact_email=record["contact_email"]).first()
    if existing:
        return existing
    fields, _ = convert(loader, model, record)
    return model.objects.create(**fields, password_hash=make_password(password) if password else "")


def build_employer(loader: Loader, record: dict[str, Any]) -> None:
    """An employer approved through the admin's own approval: team, host team page, account."""
    employer = application(loader, record, loader.password)
    if employer.status == employer.Status.PENDING:
        approve(employer, tell=False)


def build_application(loader: Loader, record: dict[str, Any]) -> None:
    """An employer's application still waiting for an editor."""
    application(loader, record, None)


def build_request(loader: Loader, record: dict[str, Any]) -> None:
    """A request for places on a window (named by its first day), made once; a decided request has
    its history, and an accepted one takes its places as booking would, never overbooking."""
    start = loader.calendar.date(record.pop("window"))
    window = WindowCapacity.objects.get(page__slug=record.pop("placement"), start_date=start, withdrawn=False)
    fields, _ = convert(loader, PlacementRequest, record)
    contact_email = fields.pop("contact_email")
    placement_request, created = PlacementRequest.objects.get_or_create(
        window=window, contact_email=contact_email, defaults={"team_id": window.page.host_team_id, **fields}
    )
    if not created:
        return
    status = placement_request.status
    RequestEvent.objects.create(
        placement_request=placement_request,
        actor=RequestEvent.Actor.REQUESTER,
        action=RequestEvent.Action.CREATED,
        to_status=RequestStatus.PENDING,
    )
    if status != RequestStatus.PENDING:
        RequestEvent.objects.create(
            placement_request=placement_request,
            actor=RequestEvent.Actor.HOST_TEAM,
            action=status,
            from_status=RequestStatus.PENDING,
            to_status=status,
        )
    if status == RequestStatus.ACCEPTED:
        taken = placement_request.young_people
        WindowCapacity.objects.filter(pk=window.pk, places_taken__lte=F("places") - taken).update(
            places_taken=F("places_taken") + taken
        )


def build_attendance_counts(loader: Loader, record: dict[str, list[int]]) -> None:
    """Attendance for every event already held (not Careers Network meetings, which record schools):
    (schools, young people, parents, staff) by kind of event, a little less at every third event."""
    held = EventPage.objects.filter(start__lt=timezone.now(), is_cancelled=False).exclude(
        kind=EventKind.NETWORK_MEETING
    )
    for position, event in enumerate(held.order_by("start")):
        schools, young_people, parents, staff = record.get(event.kind, (0, 0, 0, 0))
        EventAttendance.objects.update_or_create(
            event=event,
            defaults={
                "schools": schools,
                "young_people": max(young_people - 10 * (position % 3), 0),
                "parents": parents,
                "staff": staff,
            },
        )


def build_open_day_events(loader: Loader, record: dict[str, Any]) -> None:
    """Every post-16 provider's open days as events, read from the provider pages, so the provider
    pages, the events list and the open-day calendar feed can never disagree."""
    zone = timezone.get_default_timezone()
    for provider in ProviderPage.objects.live().select_related("location").order_by("path"):
        place = provider.location
        for n, open_day in enumerate(provider.open_days.order_by("date"), start=1):
            build_page(
                loader,
                {
                    **record,
                    "slug": f"{provider.slug}-open-day-{n}",
                    "title": f"{provider.title} open day",
                    "summary": f"{provider.summary} {open_day.details}",
                    "start": datetime.datetime.combine(open_day.date, open_day.starts_at, tzinfo=zone),
                    "end": datetime.datetime.combine(open_day.date, open_day.ends_at, tzinfo=zone),
                    "venue": place.name,
                    "address": "\n".join(filter(None, (place.address_1, place.town, place.postcode))),
                    "organiser": f"Admissions team, {provider.title}",
                    "booking_url": provider.website,
                },
            )


def build_contributor(loader: Loader, record: dict[str, Any]) -> None:
    """A request from school staff to contribute: approved ones get an account in the School
    contributors group, pending ones wait for an editor."""
    setup_roles()
    fields, _ = convert(loader, ContributorRequest, record)
    email = fields.pop("email")
    if fields["status"] == ContributorRequest.Status.APPROVED:
        first, last = fields["name"].removesuffix(" (demo)").split(" ", 1)
        fields["user"] = demo_user(loader, email, email, first, last.capitalize())
        fields["user"].groups.set(Group.objects.filter(name=SCHOOL_CONTRIBUTORS))
    ContributorRequest.objects.update_or_create(email=email, defaults=fields)


def build_in_review(loader: Loader, record: dict[str, Any]) -> None:
    """A contributor's page, submitted to its workflow and not yet published."""
    model = apps.get_model(record.pop("type"))
    parent = loader.page_at(record.pop("parent"))
    owner = get_user_model().objects.get(username=record.pop("owner"))
    fields, many = convert(loader, model, record)
    page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = model(**fields, owner=owner, live=False)
        for name, values in many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision(user=owner)
    if not page.live and not page.workflow_in_progress:
        page.get_workflow().start(page, owner)


def build_careers_leader(loader: Loader, record: dict[str, Any]) -> None:
    """A school's careers leader, who fills in its self-review."""
    user = get_user_model().objects.filter(username=record["user"]).first() or demo_user(
        loader, record["user"], record["user"], "Careers", "Leader"
    )
    CareersLeader.objects.update_or_create(user=user, defaults={"school": lookup(School, record["school"])})


def build_self_review(loader: Loader, record: dict[str, Any]) -> None:
    """A school's self-reviews last term and (if given) this term: one letter a benchmark,
    M met, P partly, N not yet. This term's is dated today at the latest, never in the future."""
    letters = {"M": MET, "P": PARTLY, "N": NOT_YET}
    school = lookup(School, record["school"])
    now = timezone.now()
    for pattern, term in (
        (record["last_term"], Term.of(now).previous()),
        (record.get("this_term"), Term.of(now)),
    ):
        if pattern:
            answers = {s.code: letters[pattern[s.benchmark - 1]] for s in STATEMENTS}
            middle = timezone.make_aware(datetime.datetime.combine(term.first_day, datetime.time(12)))
            record_review(school, None, answers, now=min(now, middle + datetime.timedelta(days=20)))


def build_past_placement(loader: Loader, record: dict[str, Any]) -> None:
    """A placement a school has already been on (a past window, withdrawn from the listing, with
    its accepted request) and the feedback the school and its young people gave."""
    page = PlacementPage.objects.get(slug=record["placement"])
    school = lookup(School, record["school"])
    day = loader.calendar.date(record["day"])
    window, _ = WindowCapacity.objects.update_or_create(
        key=uuid.UUID(record["window_key"]),
        defaults={
            "page": page,
            "placement_title": page.title,
            "start_date": day,
            "end_date": day,
            "days_and_hours": record["days_and_hours"],
            "places": record["young_people"],
            "places_taken": record["young_people"],
            "withdrawn": True,
        },
    )
    placement_request = window.requests.first() or PlacementRequest.objects.create(
        window=window,
        team=page.host_team,
        setting=lookup(Setting, record["setting"]),
        school=school,
        contact_name=record["contact_name"],
        contact_email=record["contact_email"],
        young_people=record["young_people"],
        year_groups=record["year_groups"],
        status=RequestStatus.ACCEPTED,
    )
    if placement_request.feedback.exists():
        return
    for given in record["feedback"]:
        answers = {q.criterion: YES for q in QUESTIONS[record["benchmark"]]} | given.get("answers", {})
        Feedback.objects.create(
            placement_request=placement_request,
            respondent=given["respondent"],
            benchmark=record["benchmark"],
            answers=answers,
            comment=given.get("comment", ""),
        )


# Within a file, kinds load in this order: what a page needs (schools, teams, its section, its host
# team) comes before it, and what needs pages (requests, attendance) after.
BUILDERS: dict[str, Callable[[Loader, dict[str, Any]], Any]] = {
    "school": upsert_object("taxonomy.School"),
    "team": upsert_object("taxonomy.CouncilTeam"),
    "partner": upsert_object("directory.PartnerOrganisation"),
    "location": upsert_object("directory.Location"),
    "home": build_home,
    "section": build_page,
    "host_team": build_host_team,
    "employer": build_employer,
    "application": build_application,
    "user": build_user,
    "contributor": build_contributor,
    "page": build_page,
    "in_review": build_in_review,
    "request": build_request,
    "open_day_events": build_open_day_events,
    "attendance_counts": build_attendance_counts,
    "careers_leader": build_careers_leader,
    "self_review": build_self_review,
    "past_placement": build_past_placement,
}


def rebuild_search() -> None:
    """Rebuild every search index once all the demo content is in, so the demo search is complete
    and its vocabulary exact, and then Wagtail's own (the admin's) search index. An unreachable
    Elasticsearch is logged, not fatal."""
    documents = list(all_documents())
    for engine in index_engines():
        try:
            rebuild(engine, documents)
        except ELASTICSEARCH_ERRORS:
            logger.warning("Search: could not rebuild the %s index for the demo", engine.name, exc_info=True)
    call_command("update_index", verbosity=0)
