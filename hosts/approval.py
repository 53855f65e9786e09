"""Deciding an employer's application to host. Approval makes, in one transaction, the employer's
host team exactly as `manage.py setup_host_team` makes a council team's (placements.teams): a
team row in the "Local employers" area, its page in the directory, its Wagtail group with
add/edit/publish on that page's subtree only, and the contact's account in that group. So an
employer can do exactly what a council team can, no more."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from placements.models import HostTeamPage
from placements.teams import setup_host_team
from placements.vocabulary import EMPLOYER_AREA
from portal.outbox import queue_email
from portal.taxonomy.models import CouncilTeam

from .models import HostApplication


class AlreadyDecided(Exception):
    """Someone else decided the application first."""


def _unique(model: Any, field: str, wanted: str, limit: int) -> str:
    """`wanted`, or `wanted (2)`... so an employer's name never clashes with an existing team's."""
    candidate, number = wanted[:limit], 2
    while model.objects.filter(**{field: candidate}).exists():
        suffix = f"-{number}" if field == "slug" else f" ({number})"
        candidate = wanted[: limit - len(suffix)] + suffix
        number += 1
    return candidate


def _pending(application: HostApplication) -> HostApplication:
    locked = HostApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != HostApplication.Status.PENDING:
        raise AlreadyDecided
    return locked


@transaction.atomic
def approve(application: HostApplication, by: Any = None, *, tell: bool = True) -> HostTeamPage:
    """The employer's host team, page, group and account; the application is marked approved and
    the employer emailed (`tell=False`: the demo content, whose addresses are made up)."""
    application = _pending(application)
    team = CouncilTeam.objects.create(
        name=_unique(CouncilTeam, "name", application.organisation_name, 150),
        slug=_unique(CouncilTeam, "slug", slugify(application.organisation_name)[:80] or "employer", 80),
        directorate=EMPLOYER_AREA,
        description=application.offer_details[:1000],
        contact_role=application.contact_role,
        contact_email=application.contact_email,
    )
    host_page = setup_host_team(team)
    team.refresh_from_db()
    user = _account(application)
    user.groups.add(team.group)
    application.status = HostApplication.Status.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.host_team = team
    application.password_hash = ""  # now on the account; the application keeps no copy
    application.save(update_fields=["status", "decided_at", "decided_by", "host_team", "password_hash"])
    log(application, "hosts.application.approve", user=by, data={"team": team.name})
    if tell:
        _tell(application, "application_approved")
    return host_page


def _account(application: HostApplication) -> Any:
    """The contact's account: an existing one with the same email, or a new one with the password
    they chose when applying (unusable if they gave none: they use "Forgot password")."""
    users = get_user_model().objects
    user = users.filter(email__iexact=application.contact_email).first()
    if user is not None:
        return user
    first, _, last = application.contact_name.partition(" ")
    user = users.create_user(
        username=_unique(get_user_model(), "username", application.contact_email.lower(), 150),
        email=application.contact_email.lower(),
        first_name=first[:150],
        last_name=last[:150],
    )
    if application.password_hash:
        user.password = application.password_hash
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def decline(application: HostApplication, by: Any = None, note: str = "") -> None:
    application = _pending(application)
    application.status = HostApplication.Status.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decision_note = note.strip()
    application.password_hash = ""
    application.save(update_fields=["status", "decided_at", "decided_by", "decision_note", "password_hash"])
    log(application, "hosts.application.decline", user=by)
    _tell(application, "application_declined")


def _tell(application: HostApplication, template: str) -> None:
    """Queue one email to the employer's contact in the outbox, inside the caller's transaction
    (so it goes exactly when the change commits); the key makes it once only."""
    subjects = {
        "application_received": "We have your application to host young people",
        "application_approved": "You can now list opportunities for young people",
        "application_declined": "Your application to host young people",
    }
    context = {
        "application": application,
        "sign_in_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
    }
    queue_email(
        key=f"hosts:{template}:{application.pk}",
        subject=subjects[template],
        body=render_to_string(f"hosts/emails/{template}.txt", context),
        to=[application.contact_email],
    )


def received(application: HostApplication) -> None:
    """Acknowledge a new application; call inside the transaction that saved it."""
    _tell(application, "application_received")
