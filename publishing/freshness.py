"""Content freshness: live pages whose "last reviewed" or "last confirmed" date is older than
settings.CONTENT_REVIEW_MONTHS, with who owns them.

Page types are found, not listed: any page model with a `last_reviewed` or `last_confirmed`
DateField takes part (resources, placements, services, post-16 providers, standard pages...), so a
new content type joins the report by having the field. The owner is the council team when the
page has a ForeignKey to CouncilTeam (placements' host team, a service's team), otherwise the
page's owner in Wagtail."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models

from portal.taxonomy.models import CouncilTeam

REVIEW_DATE_FIELDS = ("last_reviewed", "last_confirmed")


@dataclass(frozen=True)
class ReviewedType:
    """A page model that records when it was last checked."""

    model: type[Page]
    date_field: str
    team_field: str | None


@dataclass(frozen=True)
class StaleItem:
    title: str
    type_label: str
    checked_on: datetime.date | None
    owner: str
    owner_email: str
    edit_url: str

    @property
    def checked_label(self) -> str:
        return f"{self.checked_on:%d/%m/%Y}" if self.checked_on else "Never recorded"


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the last day of the month if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


def review_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Pages checked before this date are due for review."""
    return months_before(today or timezone.localdate(), settings.CONTENT_REVIEW_MONTHS)


def _own_date_field(model: type[Page]) -> str | None:
    for name in REVIEW_DATE_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        # Only the model that declares the field: a subclass's pages come with its parent's query.
        if type(field) is models.DateField and field.model is model:
            return name
    return None


def _team_field(model: type[Page]) -> str | None:
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.related_model is CouncilTeam:
            return field.name
    return None


def reviewed_types() -> list[ReviewedType]:
    """Every page model with its own review date, in a stable order."""
    found = []
    for model in get_page_models():
        date_field = _own_date_field(model)
        if date_field:
            found.append(ReviewedType(model, date_field, _team_field(model)))
    return sorted(found, key=lambda t: t.model._meta.label)


def _owner(page: Page, team_field: str | None) -> tuple[str, str]:
    team = getattr(page, team_field) if team_field else None
    if team is not None:
        return team.name, team.contact_email
    if page.owner is not None:
        return page.owner.get_full_name() or page.owner.get_username(), page.owner.email
    return "No owner", ""


def stale_items(today: datetime.date | None = None) -> list[StaleItem]:
    """Live pages due for review, the longest unchecked first (never-checked pages before all).
    One query per reviewed page type."""
    cutoff = review_cutoff(today)
    items = []
    for reviewed in reviewed_types():
        due = models.Q(**{f"{reviewed.date_field}__lt": cutoff}) | models.Q(
            **{f"{reviewed.date_field}__isnull": True}
        )
        related = ["owner", *([reviewed.team_field] if reviewed.team_field else [])]
        pages = reviewed.model.objects.live().filter(due).select_related(*related)
        for page in pages:
            owner, email = _owner(page, reviewed.team_field)
            items.append(
                StaleItem(
                    title=page.title,
                    type_label=str(reviewed.model._meta.verbose_name).capitalize(),
                    checked_on=getattr(page, reviewed.date_field),
                    owner=owner,
                    owner_email=email,
                    edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                )
            )
    return sorted(items, key=lambda i: (i.checked_on or datetime.date.min, i.title))
