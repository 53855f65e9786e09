"""Checks shared by the public forms (requests for placements, referral enquiries, requests to
become a contributor)."""

from django import forms
from django.core.validators import RegexValidator

# C0 and C1 control characters and DEL: nobody types them, but scripts send them, and they corrupt
# the emails, CSV exports and logs that form answers end up in. Django already refuses NUL.
ONE_LINE = RegexValidator(
    r"[\x00-\x1f\x7f-\x9f]",
    "Remove line breaks, tabs and other hidden characters",
    code="control_characters",
    inverse_match=True,
)
# A box for several lines keeps its line breaks and tabs.
SEVERAL_LINES = RegexValidator(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]",
    "Remove hidden characters, such as control codes, from your answer",
    code="control_characters",
    inverse_match=True,
)


def refuse_control_characters(form: forms.BaseForm) -> None:
    """Give every text field of a public form the check above (call it in the form's __init__:
    each form instance has its own copy of its fields' validators). Email addresses are left to
    their own check, which refuses these characters already, so the error is said once."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not isinstance(field, forms.EmailField):
            field.validators.append(SEVERAL_LINES if isinstance(field.widget, forms.Textarea) else ONE_LINE)
