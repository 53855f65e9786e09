"""Forms: a local employer's application to host (a GOV.UK error message for every bad field),
and an editor's decision on it."""

import re
from typing import Any

from django import forms
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from placements.forms import DateInput, telephone_number
from placements.vocabulary import KIND_CHOICES, KINDS_BY_CODE, PLACEMENT_KEY_STAGES
from portal.core.forms import refuse_control_characters
from portal.core.submissions import add_submission_field

from .models import DbsChecks, HostApplication

POSTCODE = re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$")
# Activities a young person may do one to one with an adult, so they need DBS checks.
ONE_TO_ONE = {"mentoring"}


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class HostApplicationForm(forms.ModelForm):
    """What an editor needs to decide, and no more: the organisation, one contact, what it can
    offer, the safeguarding answers, and the password for the account made if it is approved."""

    offers = forms.MultipleChoiceField(
        label="What can you offer?",
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one thing you can offer",
            "invalid_choice": "Select what you can offer from the list",
        },
    )
    key_stages = forms.MultipleChoiceField(
        label="Which key stages could you work with?",
        choices=[
            ("KS2", "KS2 (Years 3 to 6)"),
            ("KS3", "KS3 (Years 7 to 9)"),
            ("KS4", "KS4 (Years 10 and 11)"),
            ("KS5", "KS5 (Years 12 and 13)"),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one key stage",
            "invalid_choice": "Select key stages from the list",
        },
    )
    website = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a website address, like https://www.example.org"},
    )
    liability_insurance = forms.BooleanField(
        label="We hold employer's liability insurance that covers young people on our premises",
        error_messages={"required": "You need employer's liability insurance to host young people"},
    )
    password = forms.CharField(
        label="Choose a password for your account",
        widget=forms.PasswordInput,
        strip=False,
        help_text="You sign in with your email address and this password once we approve you. "
        "At least 12 characters.",
        error_messages=_required("Choose a password"),
    )
    password_again = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput,
        strip=False,
        error_messages=_required("Type the password again"),
    )

    class Meta:
        model = HostApplication
        fields = [
            "organisation_name",
            "sector",
            "address",
            "postcode",
            "website",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "offers",
            "key_stages",
            "offer_details",
            "safeguarding_name",
            "safeguarding_role",
            "dbs_checks",
            "liability_insurance",
            "insurer",
            "insurance_expires",
        ]
        widgets = {"sector": forms.Select, "dbs_checks": forms.RadioSelect, "insurance_expires": DateInput}
        help_texts = {
            "contact_email": "A work address. We email you about your application here, and it is how you "
            "sign in.",
            "offer_details": "For example: “a morning visit to our workshop for up to 20 Year 8 pupils, "
            "twice a term”. Say what young people would do and who they would meet.",
            "safeguarding_name": "The person who makes sure young people are safe while with you: not "
            "necessarily the contact above.",
            "dbs_checks": "Mentoring needs DBS checks: a mentor meets a young person regularly.",
        }
        error_messages = {
            "organisation_name": _required("Enter the name of your organisation"),
            "sector": _required("Select your sector"),
            "address": _required("Enter the address of the workplace"),
            "postcode": {
                "required": "Enter the postcode of the workplace",
                "max_length": "Enter a real postcode, like TS18 1LD",
            },
            "contact_name": _required("Enter the contact's name"),
            "contact_role": _required("Enter the contact's job title"),
            "contact_email": {
                "required": "Enter the contact's work email address",
                "invalid": "Enter an email address in the correct format, like name@example.org",
            },
            "contact_phone": _required("Enter a telephone number"),
            "offer_details": _required("Describe what you can offer"),
            "safeguarding_name": _required("Enter the name of your safeguarding contact"),
            "safeguarding_role": _required("Enter your safeguarding contact's job title"),
            "dbs_checks": _required("Select your answer about DBS checks"),
            "insurer": _required("Enter the name of your insurer"),
            "insurance_expires": {
                "required": "Enter the date your insurance is due for renewal",
                "invalid": "Enter a real date for your insurance renewal",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "Select your sector"), *self.fields["sector"].choices[1:]]
        self.fields["dbs_checks"].choices = list(DbsChecks.choices)
        autocomplete = {
            "organisation_name": "organization",
            "contact_name": "name",
            "contact_role": "organization-title",
            "contact_email": "email",
            "contact_phone": "tel",
            "postcode": "postal-code",
            "password": "new-password",
            "password_again": "new-password",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        add_submission_field(self)
        refuse_control_characters(self)

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip().upper()
        if not POSTCODE.match(postcode):
            raise forms.ValidationError("Enter a real postcode, like TS18 1LD")
        return postcode

    def clean_contact_email(self) -> str:
        return self.cleaned_data["contact_email"].strip().lower()

    def clean_contact_phone(self) -> str:
        return telephone_number(self.cleaned_data["contact_phone"])

    def clean_insurance_expires(self) -> Any:
        expires = self.cleaned_data["insurance_expires"]
        if expires < timezone.localdate():
            raise forms.ValidationError("Your insurance has expired: renew it before you apply")
        return expires

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        offers, key_stages = set(data.get("offers") or ()), set(data.get("key_stages") or ())
        if offers & ONE_TO_ONE and data.get("dbs_checks") == DbsChecks.NOT_NEEDED:
            self.add_error(
                "dbs_checks", "Mentoring needs DBS checks: choose another answer or untick mentoring"
            )
        if offers and key_stages:
            suited = {ks for code in offers for ks in KINDS_BY_CODE[code].key_stages}
            if not key_stages & suited & set(PLACEMENT_KEY_STAGES):
                self.add_error(
                    "key_stages", "None of what you offer suits these key stages: check both lists"
                )
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The passwords do not match")
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data

    def save(self, commit: bool = True) -> HostApplication:
        application = super().save(commit=False)
        application.password_hash = make_password(self.cleaned_data["password"])
        application.submission = self.cleaned_data.get("submission")
        if commit:
            application.save()
        return application


class DecisionForm(WagtailAdminModelForm):
    """An editor approves or declines a pending application."""

    decision = forms.ChoiceField(
        choices=[
            ("approve", "Approve: make the employer's host team and account, and email them"),
            ("decline", "Decline: email the employer to say so"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or decline the application"},
    )
    note = forms.CharField(
        label="Message to the employer if you decline (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = HostApplication
        fields: list[str] = []
