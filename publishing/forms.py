"""Forms: the public request to become a school contributor, and an editor's decision on it."""

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from portal.core.forms import refuse_control_characters
from portal.core.submissions import add_submission_field
from portal.taxonomy.models import School

from .models import ContributorRequest


class ContributorRequestForm(forms.ModelForm):
    """Name, school, role and school email: the minimum an editor needs to decide, nothing more."""

    school = forms.ModelChoiceField(
        queryset=School.objects.filter(is_open=True).order_by("name"),
        empty_label="Select your school or college",
        error_messages={
            "required": "Select your school or college",
            "invalid_choice": "Select your school or college from the list",
        },
        help_text="If your school or college is not listed, email careers-portal@example.org.",
    )

    class Meta:
        model = ContributorRequest
        fields = ["name", "email", "school", "role_at_school"]
        help_texts = {
            "email": "Use your school or college address. We will email you there.",
        }
        error_messages = {
            "name": {
                "required": "Enter your full name",
                "max_length": "Your name must be 120 characters or fewer",
            },
            "email": {
                "required": "Enter your school email address",
                "invalid": "Enter an email address in the correct format, like name@school.example.org",
            },
            "role_at_school": {
                "required": "Enter your role at the school, like careers leader",
                "max_length": "Your role must be 120 characters or fewer",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["role_at_school"].widget.attrs["autocomplete"] = "organization-title"
        refuse_control_characters(self)
        add_submission_field(self)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class DecisionForm(WagtailAdminModelForm):
    """An editor approves or turns down a pending request."""

    decision = forms.ChoiceField(
        choices=[
            ("approve", "Approve: create the account and email a link to set a password"),
            ("reject", "Turn down: email the person to say so"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or turn down the request"},
    )

    class Meta:
        model = ContributorRequest
        fields = ["decision"]
