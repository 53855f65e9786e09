"""Render Django form fields as GOV.UK Frontend components, with error summaries that link to
the field in error. Widgets decide the component; `widget.attrs` may set `autocomplete` and a
GOV.UK width class (`govuk_width`, e.g. "govuk-input--width-10")."""

from typing import Any

from django import forms, template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def govuk_field(field: forms.BoundField) -> str:
    return render_to_string("components/form/field.html", {"field": field})


@register.filter
def widget_kind(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.NumberInput):
        return "number"
    return "input"


@register.filter
def govuk_anchor(field: forms.BoundField) -> str:
    """The id an error-summary link should jump to: the first option of a group, else the field."""
    if widget_kind(field) in {"checkboxes", "radios"}:
        return f"{field.auto_id}_0"
    return field.auto_id


@register.filter
def input_width(field: forms.BoundField) -> str:
    width: Any = field.field.widget.attrs.get("govuk_width")
    return f" {width}" if width else ""


@register.filter
def autocomplete(field: forms.BoundField) -> str:
    return field.field.widget.attrs.get("autocomplete", "")
