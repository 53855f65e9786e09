"""People in each role, and the form data the Wagtail admin's own page forms send."""

import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from portal.taxonomy.models import Benchmark, CouncilTeam, KeyStage, School
from publishing.models import ContributorRequest
from publishing.roles import COUNCIL_TEAM_MEMBERS, EDITORS, REPORTING, SCHOOL_CONTRIBUTORS

PASSWORD = "a-long-test-passphrase-9"
_sequence = itertools.count(1)


def user(username: str | None = None, *groups: str, **fields: Any) -> Any:
    username = username or f"person{next(_sequence)}"
    person = get_user_model().objects.create_user(
        username=username, email=fields.pop("email", f"{username}@example.org"), password=PASSWORD, **fields
    )
    person.groups.add(*Group.objects.filter(name__in=groups))
    return person


def editor(username: str = "editor") -> Any:
    return user(username, EDITORS)


def reporter(username: str = "reporter") -> Any:
    return user(username, REPORTING)


def contributor(username: str = "teacher", school: School | None = None) -> Any:
    """A school contributor with their approved request (their record of which school)."""
    person = user(username, SCHOOL_CONTRIBUTORS)
    ContributorRequest.objects.create(
        name=f"{username.title()} Example",
        email=person.email,
        school=school or a_school(),
        role_at_school="Careers leader",
        status=ContributorRequest.Status.APPROVED,
        user=person,
    )
    return person


def team_member(team: CouncilTeam, username: str = "officer") -> Any:
    """A council officer: the Council team members role plus their own team's group."""
    person = user(username, COUNCIL_TEAM_MEMBERS)
    if team.group is not None:
        person.groups.add(team.group)
    return person


def council_team(name: str = "Economic Development", slug: str = "economic-development") -> CouncilTeam:
    return CouncilTeam.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "directorate": "Place",
            "description": "Supports local businesses and jobs.",
            "contact_role": "Placements Coordinator",
            "contact_email": f"{slug}@example.org",
        },
    )[0]


def a_school(name: str = "Heron Vale School", urn: str = "900102") -> School:
    return School.objects.get_or_create(
        urn=urn, defaults={"name": name, "phase": School.Phase.SECONDARY, "kind": School.Kind.MAINTAINED}
    )[0]


def signed_in(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def add_url(parent: Page, model: type[Page]) -> str:
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def admin_form(client: Client, url: str) -> QueryDict:
    """The fields of the page form exactly as the admin renders it for this user."""
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}"
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def resource_form_data(client: Client, url: str, **fields: Any) -> QueryDict:
    """The admin's own add or edit form for a resource, filled in as a teacher would."""
    data = admin_form(client, url)
    values = {
        "title": "Careers week at Heron Vale",
        "kind": "case-study",
        "school": str(a_school().pk),
        "summary": "How a whole-school careers week put employers in every classroom.",
        "last_reviewed": f"{timezone.localdate():%d/%m/%Y}",
        **fields,
    }
    for name, value in values.items():
        data[name] = value
    if not data.get("slug"):
        data["slug"] = slugify(data["title"])
    data.setlist("benchmarks", [str(Benchmark.objects.get(number=5).pk)])
    data.setlist("key_stages", [str(KeyStage.objects.get(code="KS3").pk)])
    if "body-count" not in fields:
        for key, value in nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Every department hosted a visitor.</p>"))])}
        ).items():
            data[key] = value
    return data
