from django import forms

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
