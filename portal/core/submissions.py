"""Sending a public form twice (a double click, or back and send again) creates one row, not two.

Each form carries a one-time token, made when the form is shown, in a hidden field. The row the
form creates stores it in a unique `submission` column, so:
- a second sending of the same form finds the first row and shows its confirmation again;
- two sendings at the same moment cannot both insert: the unique index refuses the second,
  which then shows the first one's confirmation (`create_once`).
A token is only trusted together with the sender's email address: forms carry a CSRF token and
are never cached, but if one were ever served to two people, the second would get a request of
their own, not the first person's confirmation."""

import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, models

FIELD = "submission"

Row = TypeVar("Row", bound=models.Model)


class SubmissionField(forms.Field):
    """The hidden token. Never an error: a missing or mangled token means "a new submission"."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, initial=uuid.uuid4, **kwargs)

    def to_python(self, value: Any) -> uuid.UUID | None:
        try:
            return uuid.UUID(str(value))
        except ValueError:
            return None


def add_submission_field(form: forms.BaseForm) -> None:
    """Give a public form its token field (call in the form's __init__; render
    `{{ form.submission }}` inside the <form>)."""
    form.fields[FIELD] = SubmissionField()


def token_in(data: Mapping[str, Any]) -> uuid.UUID | None:
    return SubmissionField().to_python(data.get(FIELD, ""))


def earlier_submission(
    queryset: models.QuerySet[Row], data: Mapping[str, Any], email_field: str
) -> tuple[Row | None, uuid.UUID | None]:
    """For POSTed `data`: the row an earlier sending of this same form created (same token, same
    email address), and the token a new row should store (None if the form had none, or if
    someone else's row already has it)."""
    token = token_in(data)
    if token is None:
        return None, None
    earlier = queryset.filter(**{FIELD: token}).first()
    if earlier is None:
        return None, token
    sent_by = str(getattr(earlier, email_field) or "").strip().lower()
    if sent_by and sent_by == str(data.get(email_field, "")).strip().lower():
        return earlier, token
    return None, None


def create_once(queryset: models.QuerySet[Row], token: uuid.UUID | None, create: Callable[[], Row]) -> Row:
    """`create()` (which saves a row with this token, in its own transaction), or, if a sending of
    the same form at the same moment saved first, that row."""
    try:
        return create()
    except IntegrityError:
        earlier = queryset.filter(**{FIELD: token}).first() if token else None
        if earlier is None:
            raise
        return earlier
