from typing import Any

from django import forms

from portal.core.submissions import add_submission_field

from .models import Frequency


class AlertForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often to get emails"},
    )


class ReminderForm(forms.Form):
    """An email address for a reminder the day before, with the form's one-time token."""

    email = AlertForm.base_fields["email"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_submission_field(self)
