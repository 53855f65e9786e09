"""The school support booklet: a PDF of every live service, generated with WeasyPrint from the same
pages schools browse, so it is never out of date.

Layout: a cover, a contents page with page numbers, one section per phase with each service in
full (referral route, checklist, contacts) where it first appears and a page reference after that,
then one section per need listing its services with the page where each is described. `?phase=primary` gives one phase only. The PDF is cached per phase
and per day; publishing or changing anything it shows clears the cache (see signals.py)."""

import datetime
import logging
import time
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML, URLFetcher

from .models import Need, Phase, ServicePage, SupportIndexPage
from .vocabulary import PHASE_CODES

logger = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 60 * 60
VERSION_KEY = "directory:booklet:version"


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
    """The booklet as a tagged PDF. Nothing outside the document is fetched: editors' links stay
    links, and images are left out, so a page can never make the server request a URL."""
    html = render_to_string("directory/booklet/booklet.html", {"booklet": booklet})
    css = render_to_string("directory/booklet/booklet.css")
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=booklet.live_url, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=fetcher)], pdf_tags=True
    )


def booklet_pdf(index: SupportIndexPage, phase_code: str | None, live_url: str) -> bytes:
    """The booklet PDF, from the cache when nothing it shows has changed today."""
    key = f"directory:booklet:{_version()}:{phase_code or 'all'}:{timezone.localdate().isoformat()}"
    pdf = cache.get(key)
    if pdf is None:
        started = time.perf_counter()
        pdf = render_pdf(build_booklet(index, phase_code, live_url))
        logger.info(
            "Booklet (%s) generated in %.2f s", phase_code or "all phases", time.perf_counter() - started
        )
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def _version() -> str:
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def invalidate() -> None:
    """Forget every cached booklet: called when a service, team, partner or location changes."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
