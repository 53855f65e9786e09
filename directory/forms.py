"""The referral enquiry form on each service's page. It collects the least we need from an adult
at the school and refuses text that looks like it identifies a pupil."""

import re
from typing import Any

from django import forms

from portal.core.forms import refuse_control_characters
from portal.core.submissions import add_submission_field
from portal.taxonomy.models import School

from .models import ReferralEnquiry

# A unique pupil number (UPN) is a letter and 12 digits, or 11 digits and a letter when temporary.
UPN_PATTERN = re.compile(r"\b[A-Za-z]\d{12}\b|\b[A-Za-z]\d{11}[A-Za-z]\b")
# Numeric dates such as 03/05/2016 are most often dates of birth in a referral.
NUMERIC_DATE_PATTERN = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b")
PHONE_PATTERN = re.compile(r"^\+?[\d\s()\-]{10,20}$")


NOT_LISTED = "not-listed"


class ReferralEnquiryForm(forms.ModelForm):
    # A choice rather than a model choice, so "not listed" is an answer and the question is required.
    school = forms.ChoiceField(
        label="School or setting",
        error_messages={
            "required": "Choose your school or setting, or choose “My school or setting is not listed”",
            "invalid_choice": "Choose your school or setting from the list",
        },
    )
    school_name = forms.CharField(
        label="Name of your school or setting, if it is not listed",
        max_length=150,
        required=False,
    )
    contact_name = forms.CharField(
        label="Your name",
        max_length=120,
        error_messages={"required": "Enter your name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = forms.CharField(
        label="Your role",
        max_length=120,
        required=False,
        help_text="For example, SENCO or designated safeguarding lead.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The service will reply to this address. A school address is best.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "govuk_width": "govuk-input--width-20"}),
    )
    support_sought = forms.CharField(
        label="What support are you looking for?",
        max_length=2000,
        help_text=(
            "Describe the need in general terms, for example “a Year 4 pupil with speech and language "
            "needs, not known to the service”. Do not include names, dates of birth or anything else "
            "that could identify a pupil: the service will ask for those through its own secure route."
        ),
        error_messages={
            "required": "Enter what support you are looking for",
            "max_length": "What support you are looking for must be 2,000 characters or fewer",
        },
        widget=forms.Textarea,
    )
    no_pupil_details = forms.BooleanField(
        label="I have not included any details that could identify a pupil",
        error_messages={
            "required": "Confirm that you have not included any details that could identify a pupil"
        },
    )

    class Meta:
        model = ReferralEnquiry
        fields = ["school_name", "contact_name", "contact_role", "email", "phone", "support_sought"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schools = {
            str(school.pk): school for school in School.objects.filter(is_open=True).order_by("name")
        }
        self.fields["school"].choices = [
            ("", "Choose your school or setting"),
            *((pk, school.name) for pk, school in self.schools.items()),
            (NOT_LISTED, "My school or setting is not listed"),
        ]
        refuse_control_characters(self)
        add_submission_field(self)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError("Enter a phone number, like 01642 526000 or +44 1642 526000")
        return phone

    def clean_support_sought(self) -> str:
        text = self.cleaned_data["support_sought"].strip()
        if UPN_PATTERN.search(text):
            raise forms.ValidationError(
                "Remove the unique pupil number (UPN): do not include details that could identify a pupil"
            )
        if NUMERIC_DATE_PATTERN.search(text):
            raise forms.ValidationError(
                "Remove the date written in numbers: it may be a date of birth. If you need to give a "
                "date, write it in words, like “September 2026”"
            )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        choice = cleaned.get("school")
        if choice == NOT_LISTED:
            cleaned["school_name"] = cleaned.get("school_name", "").strip()
            if not cleaned["school_name"]:
                self.add_error("school_name", "Enter the name of your school or setting")
        elif choice:
            # A school from the list wins over a typed name; keep only one.
            self.instance.school = self.schools[choice]
            cleaned["school_name"] = ""
        return cleaned
