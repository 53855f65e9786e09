"""Loads the directory's demo content (see demo_data.py): the services for schools with their teams,
partners and locations, the post-16 providers with routes and open days, and the guides.
Idempotent: pages are upserted by slug, everything else by a natural key."""

import datetime

from django.db.models import Q
from django.utils import timezone

from portal.home import demo_calendar as calendar
from portal.home.demo_tools import paragraphs, upsert_page
from portal.home.models import HomePage
from portal.taxonomy.models import Benchmark, CouncilTeam

from .demo_data import GUIDES, LOCATIONS, PARTNERS, PROVIDERS, SERVICES, TEAMS, DemoProvider, DemoService
from .models import (
    Location,
    Need,
    OpenDay,
    PartnerOrganisation,
    Phase,
    Post16GuidePage,
    Post16IndexPage,
    ProviderPage,
    ProviderRoute,
    ServiceContact,
    ServicePage,
    SupportIndexPage,
)
from .vocabulary import stable_uuid


def load(home: HomePage) -> None:
    locations = {key: location(key) for key in LOCATIONS}
    support = upsert_page(
        home,
        SupportIndexPage,
        "support-for-schools",
        title="Support for schools",
        show_in_menus=True,
        intro="Every council service for schools and settings in Stockton-on-Tees: who it is for, how to "
        "refer and who to contact. Refer early, and use each service's checklist so your referral is right "
        "first time.",
        body=paragraphs(
            "This is the live version of the school support booklet, made with schools. You can print the "
            "booklet for your phase from this page: it is always up to date.",
        ),
    )
    for service in SERVICES:
        service_page(support, service, locations)

    post16 = upsert_page(
        home,
        Post16IndexPage,
        "post-16",
        title="Choices at 16",
        show_in_menus=True,
        intro="Help for young people and their parents and carers to choose what to do after Year 11. "
        "Read the short guides, then find places to learn or train in and around Stockton-on-Tees.",
    )
    for slug, title, summary, body in GUIDES:
        upsert_page(post16, Post16GuidePage, slug, title=title, summary=summary, body=body)
    for provider in PROVIDERS:
        provider_page(post16, provider, locations)


def team(slug: str) -> CouncilTeam:
    """The demo team, reusing a team another app's demo made with the same slug or name."""
    data = TEAMS[slug]
    existing = CouncilTeam.objects.filter(Q(slug=slug) | Q(name=data.name)).first()
    if existing:
        return existing
    return CouncilTeam.objects.create(slug=slug, **data._asdict())


def partner(key: str) -> PartnerOrganisation:
    data = PARTNERS[key]
    return PartnerOrganisation.objects.update_or_create(name=data.name, defaults=data._asdict())[0]


def location(key: str) -> Location:
    data = LOCATIONS[key]
    return Location.objects.update_or_create(name=data.name, defaults=data._asdict())[0]


def service_page(index: SupportIndexPage, data: DemoService, locations: dict[str, Location]) -> ServicePage:
    owner_team = owner_partner = None
    if data.owner.startswith("partner:"):
        owner_partner = partner(data.owner.removeprefix("partner:"))
    else:
        owner_team = team(data.owner)
    return upsert_page(
        index,
        ServicePage,
        data.slug,
        title=data.title,
        summary=data.summary,
        team=owner_team,
        partner=owner_partner,
        kind=data.kind,
        body=paragraphs(*data.offer),
        eligibility=data.eligibility,
        referral_route=data.referral_route,
        referral_checklist="\n".join(data.checklist),
        response_time=data.response_time,
        cost=data.cost,
        cost_details=data.cost_details,
        status=data.status,
        alert=calendar.restamp(data.alert),
        last_reviewed=calendar.ago(*data.last_reviewed),
        contacts=[
            ServiceContact(role=role, email=email, phone=phone, hours=hours)
            for role, email, phone, hours in data.contacts
        ],
        m2m={
            "phases": Phase.objects.filter(code__in=data.phases),
            "needs": Need.objects.filter(code__in=data.needs),
            "benchmarks": Benchmark.objects.filter(number__in=data.benchmarks),
            "locations": [locations[key] for key in data.locations],
        },
    )


def provider_page(index: Post16IndexPage, data: DemoProvider, locations: dict[str, Location]) -> ProviderPage:
    return upsert_page(
        index,
        ProviderPage,
        data.slug,
        title=data.title,
        kind=data.kind,
        summary=data.summary,
        body=paragraphs(*data.about),
        location=locations[data.location],
        travel=data.travel,
        send_support=data.send_support,
        email=data.email,
        website=data.website,
        last_reviewed=calendar.ago(2026, 10, 15),
        routes=[
            # Fixed ids, so reloading the demo keeps every route's Open Referral id.
            ProviderRoute(
                kind=route.kind,
                level=route.level,
                title=route.title,
                description=route.description,
                entry_requirements=route.entry_requirements,
                oruk_id=stable_uuid("demo-route", f"{data.slug}:{n}"),
            )
            for n, route in enumerate(data.routes)
        ],
        open_days=[
            OpenDay(
                date=date,
                starts_at=datetime.time(10),
                ends_at=datetime.time(13),
                details=data.open_day_details,
            )
            for date in open_day_dates(data.open_day_weeks)
        ],
    )


def open_day_dates(weeks: tuple[int, ...]) -> list[datetime.date]:
    """Saturdays the given number of weeks from today, so the demo's open days are always ahead."""
    today = timezone.localdate()
    next_saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    return [next_saturday + datetime.timedelta(weeks=week - 1) for week in weeks]
