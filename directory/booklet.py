"""The school support booklet: a PDF of every live service, generated with WeasyPrint from the same
pages schools browse, so it is never out of date.

Layout: a cover, a contents page with page numbers, one section per phase with each service in
full (referral route, checklist, contacts) where it first appears and a page reference after that,
then one section per need listing its services with the page where each is described. `?phase=primary` gives one phase only.

Rendering takes seconds, so no visitor waits for it: the task `build_booklet_pdf` renders each phase's
PDF into the default storage (`booklets/<phase>/`) after anything it shows changes (signals.py)
and when the date moves on (`manage.py prebuild`, nightly), and visitors are sent the latest build.
A build is current while nothing it shows has changed (the booklet version) on the day it was made."""

import datetime
import logging
import time
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from portal.core import stored_builds

from .models import Need, Phase, ServicePage, SupportIndexPage
from .vocabulary import PHASE_CODES

logger = logging.getLogger(__name__)

VERSION_KEY = "directory:booklet:version"
FOLDER = "booklets"


class UnknownPhase(ValueError):
    """The `phase` asked for is not one of the booklet's phases."""


@dataclass
class Entry:
    """A service in a phase section: in full the first time it appears, else a cross-reference."""

    service: ServicePage
    anchor: str
    in_full: bool


@dataclass
class PhaseSection:
    phase: Phase
    entries: list[Entry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"phase-{self.phase.code}"


@dataclass
class NeedSection:
    need: Need
    # (service, anchor of its full entry in a phase section)
    entries: list[tuple[ServicePage, str]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"need-{self.need.code}"


@dataclass
class Booklet:
    phase: Phase | None
    phase_sections: list[PhaseSection]
    need_sections: list[NeedSection]
    correct_at: datetime.datetime
    live_url: str


def parse_phase(raw: str | None) -> str | None:
    """The phase code asked for, None for every phase; UnknownPhase for anything else."""
    if raw is None or raw.strip() in {"", "all"}:
        return None
    code = raw.strip().lower()
    if code not in PHASE_CODES:
        raise UnknownPhase(raw[:40])
    return code


def build_booklet(index: SupportIndexPage, phase_code: str | None, live_url: str) -> Booklet:
    """The booklet's sections from live services, in a fixed number of queries whatever their number."""
    services = list(
        ServicePage.with_listing_data(index.live_services())
        .prefetch_related("contacts", "locations")
        .order_by("title")
    )
    phases = [p for p in Phase.objects.all() if phase_code in (None, p.code)]
    # A service for several phases is described once, in its first phase, and cross-referenced in
    # the others: the full booklet stays about a third of the length, and quicker to print.
    described: dict[int, str] = {}
    phase_sections = []
    for phase in phases:
        section = PhaseSection(phase)
        for service in (s for s in services if phase in s.phases.all()):
            in_full = service.pk not in described
            anchor = described.setdefault(service.pk, f"{phase.code}--{service.slug}")
            section.entries.append(Entry(service, anchor, in_full))
        phase_sections.append(section)
    need_sections = []
    for need in Need.objects.all():
        entries = [(s, described[s.pk]) for s in services if s.pk in described and need in s.needs.all()]
        if entries:
            need_sections.append(NeedSection(need, entries))
    return Booklet(
        phase=phases[0] if phase_code else None,
        phase_sections=phase_sections,
        need_sections=need_sections,
        correct_at=timezone.localtime(),
        live_url=live_url,
    )


def render_pdf(booklet: Booklet) -> bytes:
    """The booklet as a tagged PDF, fetching nothing outside the document (stored_builds.render_pdf)."""
    html = render_to_string("directory/booklet/booklet.html", {"booklet": booklet})
    css = render_to_string("directory/booklet/booklet.css")
    return stored_builds.render_pdf(html, css, base_url=booklet.live_url)


@dataclass(frozen=True)
class Build:
    """A booklet PDF in the default storage, named `booklets/<phase>/<made>-<version>-<day>.pdf`,
    so the storage alone says which is latest and what it shows."""

    name: str
    version: str
    day: str

    @classmethod
    def from_name(cls, name: str) -> "Build | None":
        try:
            _, version, day = name.rsplit("/", 1)[1].removesuffix(".pdf").split("-", 2)
        except ValueError:
            return None
        return cls(name, version, day)

    @property
    def current(self) -> bool:
        return self.version == _version() and self.day == timezone.localdate().isoformat()


def _folder(phase_code: str | None) -> str:
    return f"{FOLDER}/{phase_code or 'all'}"


def _builds(phase_code: str | None) -> list[str]:
    """The stored builds of one booklet, oldest first."""
    try:
        _, files = default_storage.listdir(_folder(phase_code))
    except FileNotFoundError:
        return []
    return sorted(f"{_folder(phase_code)}/{name}" for name in files if name.endswith(".pdf"))


def latest(phase_code: str | None) -> Build | None:
    """The latest build of the booklet for `phase_code` (None: every phase), current or not."""
    names = _builds(phase_code)
    return Build.from_name(names[-1]) if names else None


@task(backend="builds")
def build_booklet_pdf(phase_code: str | None = None) -> str | None:
    """Render and store the booklet for `phase_code`, unless the latest build is current (so a
    second run costs a directory listing). Returns the stored name, None with no services section."""
    index = SupportIndexPage.objects.live().public().first()
    if index is None:
        return None
    held = latest(phase_code)
    version, day = _version(), timezone.localdate().isoformat()
    if held is not None and held.version == version and held.day == day:
        return held.name
    started = time.perf_counter()
    pdf = render_pdf(build_booklet(index, phase_code, index.get_full_url()))
    made = timezone.now().strftime("%Y%m%dT%H%M%S%f")
    name = default_storage.save(f"{_folder(phase_code)}/{made}-{version}-{day}.pdf", ContentFile(pdf))
    logger.info("Booklet (%s) built in %.2f s", phase_code or "all phases", time.perf_counter() - started)
    # Keep the previous build too: a visitor may still be downloading it.
    for old in _builds(phase_code)[:-2]:
        default_storage.delete(old)
    return name


def phase_keys() -> list[str | None]:
    """Every booklet: all phases (None), then each phase."""
    return [None, *PHASE_CODES]


def schedule(phase_codes: list[str | None] | None = None) -> None:
    """Queue a build of each booklet asked for (default: every phase and each one), once per
    booklet version and day while it waits. Never fails the caller: a failure is logged."""
    version, day = _version(), timezone.localdate().isoformat()
    for code in phase_keys() if phase_codes is None else phase_codes:
        stored_builds.queue_once(
            f"directory:booklet:queued:{code or 'all'}:{version}:{day}", build_booklet_pdf, code
        )


def schedule_built() -> None:
    """After a change: queue a new build of each booklet that has one stored. A booklet with none
    (nobody has asked for it since the storage was emptied, and `manage.py prebuild` has not run)
    is built when first asked for, as a listing's facet index is: a change need not print PDFs
    nobody reads."""
    schedule([code for code in phase_keys() if latest(code) is not None])


def _version() -> str:
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def invalidate() -> None:
    """Every booklet built so far is out of date: called when a service, team, partner or location
    changes."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
