"""Factories for resource-bank pages. Pages are created through Wagtail's tree API (add_child) and
published, so they are exactly what an editor would have made."""

import datetime
import itertools
from collections.abc import Iterable

from django.utils import timezone

from portal.taxonomy.models import Audience, Benchmark, KeyStage, School, Setting, Subject
from resources.models import ResourceIndexPage, ResourceKind, ResourcePage

_sequence = itertools.count(1)


def resource_index(home) -> ResourceIndexPage:
    existing = ResourceIndexPage.objects.first()
    if existing:
        return existing
    index = ResourceIndexPage(title="Resource bank", slug="resources", intro="All resources.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def resource(
    index: ResourceIndexPage,
    *,
    title: str | None = None,
    kind: str = ResourceKind.ACTIVITY,
    benchmarks: Iterable[int] = (6,),
    key_stages: Iterable[str] = ("KS4",),
    audiences: Iterable[str] = ("teachers",),
    settings: Iterable[str] = ("mainstream",),
    tags: Iterable[str] = (),
    subjects: Iterable[str] = (),
    school: School | None = None,
    summary: str = "A resource for testing.",
    live: bool = True,
    last_reviewed: datetime.date | None = None,
) -> ResourcePage:
    n = next(_sequence)
    page = ResourcePage(
        title=title or f"Resource {n}",
        slug=f"resource-{n}",
        kind=kind,
        summary=summary,
        body=[{"type": "paragraph", "value": "<p>Body text.</p>"}],
        school=school,
        last_reviewed=last_reviewed or timezone.localdate() - datetime.timedelta(days=30),
    )
    page.benchmarks.set(Benchmark.objects.filter(number__in=list(benchmarks)))
    page.key_stages.set(KeyStage.objects.filter(code__in=list(key_stages)))
    page.audiences.set(Audience.objects.filter(code__in=list(audiences)))
    page.settings.set(Setting.objects.filter(code__in=list(settings)))
    page.subjects.set(Subject.objects.filter(code__in=list(subjects)))
    page.tags.set(list(tags))
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page


def school(name: str = "Test Academy", urn: str = "999001", phase: str = School.Phase.SECONDARY) -> School:
    return School.objects.get_or_create(
        urn=urn, defaults={"name": name, "phase": phase, "kind": School.Kind.ACADEMY}
    )[0]
