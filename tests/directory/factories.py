"""Factories for the directory: pages are added through Wagtail's tree API and published, so they are
exactly what an editor would have made."""

import datetime
import itertools
from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from directory.models import (
    Location,
    Need,
    OpenDay,
    PartnerOrganisation,
    Phase,
    Post16GuidePage,
    Post16IndexPage,
    ProviderPage,
    ProviderRoute,
    ReferralEnquiry,
    ServiceContact,
    ServicePage,
    SupportIndexPage,
)
from portal.taxonomy.models import Benchmark, CouncilTeam

_sequence = itertools.count(1)


def support_index(home) -> SupportIndexPage:
    existing = SupportIndexPage.objects.first()
    if existing:
        return existing
    index = SupportIndexPage(title="Support for schools", slug="support-for-schools", intro="Every service.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def team(name: str | None = None, *, with_group: bool = True) -> CouncilTeam:
    n = next(_sequence)
    name = name or f"Team {n}"
    group = None
    if with_group:
        group = Group.objects.create(name=f"{name} staff {n}")
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return CouncilTeam.objects.create(
        name=name,
        slug=f"team-{n}",
        directorate="Children's Services",
        description=f"What {name} does.",
        contact_role="Team Manager",
        contact_email=f"team-{n}@example.org",
        group=group,
    )


def partner(name: str | None = None) -> PartnerOrganisation:
    n = next(_sequence)
    return PartnerOrganisation.objects.create(
        name=name or f"Partner {n}", description="A partner.", email=f"partner-{n}@example.org"
    )


def location(name: str | None = None, postcode: str = "TS18 9ZA") -> Location:
    n = next(_sequence)
    return Location.objects.create(
        name=name or f"Place {n}", address_1=f"{n} High Street", postcode=postcode, accessibility="Step-free."
    )


def service(
    index: SupportIndexPage,
    *,
    title: str | None = None,
    run_by: CouncilTeam | PartnerOrganisation | None = None,
    kind: str = "advice",
    phases: Iterable[str] = ("primary",),
    needs: Iterable[str] = ("send",),
    benchmarks: Iterable[int] = (),
    cost: str = "free",
    locations: Iterable[Location] = (),
    summary: str = "A service for testing.",
    live: bool = True,
) -> ServicePage:
    n = next(_sequence)
    run_by = run_by or team()
    page = ServicePage(
        title=title or f"Service {n}",
        slug=f"service-{n}",
        summary=summary,
        team=run_by if isinstance(run_by, CouncilTeam) else None,
        partner=run_by if isinstance(run_by, PartnerOrganisation) else None,
        kind=kind,
        body=[{"type": "paragraph", "value": "<p>What we offer.</p>"}],
        eligibility="Pupils who need it.",
        referral_route="Email the referral form.",
        referral_checklist="Parental consent\nWhat you have tried",
        cost=cost,
        last_reviewed=timezone.localdate() - datetime.timedelta(days=1),  # recently: not due for review
        contacts=[ServiceContact(role="Duty Officer", email=f"duty-{n}@example.org", phone="01632 960 002")],
    )
    page.phases.set(Phase.objects.filter(code__in=list(phases)))
    page.needs.set(Need.objects.filter(code__in=list(needs)))
    page.benchmarks.set(Benchmark.objects.filter(number__in=list(benchmarks)))
    page.locations.set(list(locations))
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        ServicePage.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def post16_index(home) -> Post16IndexPage:
    existing = Post16IndexPage.objects.first()
    if existing:
        return existing
    index = Post16IndexPage(title="Choices at 16", slug="post-16", intro="Choices.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def provider(
    index: Post16IndexPage,
    *,
    title: str | None = None,
    kind: str = "college",
    routes: Iterable[tuple[str, int | None]] = (("t-levels", None),),
    open_days: Iterable[datetime.date] = (),
    place: Location | None = None,
    live: bool = True,
) -> ProviderPage:
    n = next(_sequence)
    page = ProviderPage(
        title=title or f"Provider {n}",
        slug=f"provider-{n}",
        kind=kind,
        summary="A place to learn.",
        travel="Buses stop outside.",
        send_support="A learning support team.",
        email=f"admissions-{n}@example.org",
        website="https://provider.example.org/",
        location=place,
        routes=[
            ProviderRoute(
                kind=route_kind, level=level, title=f"{route_kind} course {i}", description="You learn."
            )
            for i, (route_kind, level) in enumerate(routes)
        ],
        open_days=[OpenDay(date=day, details="No need to book.") for day in open_days],
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        ProviderPage.objects.filter(pk=page.pk).update(live=False)
    return page


def guide(index: Post16IndexPage, title: str = "What are the options at 16?") -> Post16GuidePage:
    n = next(_sequence)
    page = Post16GuidePage(
        title=title,
        slug=f"guide-{n}",
        summary="A short guide.",
        body=[{"type": "paragraph", "value": "<p>You can stay at school. You can go to college.</p>"}],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def enquiry(
    service_page: ServicePage | None,
    *,
    created_at: datetime.datetime | None = None,
    responded_after: datetime.timedelta | None = None,
    school_name: str = "Test Academy",
) -> ReferralEnquiry:
    created = created_at or timezone.now()
    return ReferralEnquiry.objects.create(
        service=service_page,
        service_title=service_page.title if service_page else "A deleted service",
        school_name=school_name,
        contact_name="A Teacher",
        contact_role="SENCO",
        email="senco@school.example.org",
        phone="01632 960 003",
        support_sought="A Year 4 pupil with speech and language needs.",
        created_at=created,
        responded_at=created + responded_after if responded_after is not None else None,
    )
