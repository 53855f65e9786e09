"""Date, date-and-time and time fields in the Wagtail admin that refuse what they cannot read.

Wagtail's picker (the xdsoft datetimepicker) checks a typed value when the field loses focus and,
if it cannot read it, writes *today* (or now) in its place: its `validateOnBlur` option, on by
default. "31/13/2026" typed into a placement's availability window became today's date and was
saved without a word; "31/02/2026" became 3 March. Here the picker leaves what was typed alone,
and the server, which is the only check when JavaScript is off anyway, refuses an unreadable
value with a message that shows the format. Every admin form (pages, inline panels, snippets)
gets these fields through Wagtail's form-field overrides: see `use_strict_date_fields`."""

import datetime
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

EXAMPLE = datetime.datetime(2027, 3, 27, 14, 30)
# strftime directives as a person reads them in a hint: "%d/%m/%Y %H:%M" -> "dd/mm/yyyy hh:mm".
_READABLE = {"%d": "dd", "%m": "mm", "%Y": "yyyy", "%y": "yy", "%H": "hh", "%M": "mm", "%S": "ss"}


def readable(strftime_format: str) -> str:
    for directive, shown in _READABLE.items():
        strftime_format = strftime_format.replace(directive, shown)
    return strftime_format


class KeepTypedValueMixin:
    """Tells the admin's picker not to replace a value it cannot read (see the module docstring)."""

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "validateOnBlur": False}  # type: ignore[misc]


class StrictDateInput(KeepTypedValueMixin, AdminDateInput):
    pass


class StrictDateTimeInput(KeepTypedValueMixin, AdminDateTimeInput):
    pass


class StrictTimeInput(KeepTypedValueMixin, AdminTimeInput):
    pass


class StrictFieldMixin:
    """Reads only the admin's own format (WAGTAIL_*_FORMAT) and ISO 8601, says which in the hint,
    and names the format again in the error."""

    what: ClassVar[str]
    format_setting: ClassVar[str]
    default_format: ClassVar[str]
    iso_formats: ClassVar[list[str]]

    def __init__(self, *, help_text: str = "", **kwargs: Any) -> None:
        shown_format = getattr(settings, self.format_setting, self.default_format)
        kwargs.setdefault("input_formats", [shown_format, *self.iso_formats])
        example = f"{readable(shown_format)}, for example {EXAMPLE.strftime(shown_format)}"
        hint = f"Type it as {example}."
        super().__init__(help_text=f"{help_text} {hint}".strip(), **kwargs)  # type: ignore[call-arg]
        self.error_messages["invalid"] = f"Enter a real {self.what} as {example}."  # type: ignore[attr-defined]


class StrictDateField(StrictFieldMixin, forms.DateField):
    widget = StrictDateInput
    format_setting = "WAGTAIL_DATE_FORMAT"
    default_format = "%Y-%m-%d"
    iso_formats = ["%Y-%m-%d"]
    what = "date"


class StrictDateTimeField(StrictFieldMixin, forms.DateTimeField):
    widget = StrictDateTimeInput
    format_setting = "WAGTAIL_DATETIME_FORMAT"
    default_format = "%Y-%m-%d %H:%M"
    iso_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
    what = "date and time"


class StrictTimeField(StrictFieldMixin, forms.TimeField):
    widget = StrictTimeInput
    format_setting = "WAGTAIL_TIME_FORMAT"
    default_format = "%H:%M"
    iso_formats = ["%H:%M", "%H:%M:%S"]
    what = "time"


def use_strict_date_fields() -> None:
    """Replace Wagtail's own overrides (which only set the picker widget) for every admin form."""
    register_form_field_override(models.DateField, override={"form_class": StrictDateField})
    register_form_field_override(models.DateTimeField, override={"form_class": StrictDateTimeField})
    register_form_field_override(models.TimeField, override={"form_class": StrictTimeField})
