"""Forms: the public request for places (a GOV.UK error message for every bad field) and the host
team's decision. The page editor's forms are in page_forms.py."""

import datetime
import re
import uuid
from typing import Any

from django import forms

from portal.core.forms import refuse_control_characters
from portal.core.submissions import add_submission_field
from portal.taxonomy.models import School, Setting

from .booking import NewRequest, allowed_actions
from .models import PlacementPage, WindowCapacity
from .vocabulary import YEAR_GROUPS

MAX_PUPILS_AT_SCHOOL = 300  # a year group at a large secondary school, for a talk or a fair
PHONE = re.compile(r"^\+?[\d\s()-]{10,20}$")
ACTION_LABELS = {
    "accept": "Accept: take the places",
    "waitlist": "Put on the waiting list",
    "decline": "Decline",
    "cancel": "Cancel (for example, the school can no longer come)",
}


def window_label(window: WindowCapacity) -> str:
    left = window.places_left
    places = "Full" if left == 0 else f"{left} place{'' if left == 1 else 's'} left"
    return f"{window.start_date:%-d %B %Y} to {window.end_date:%-d %B %Y}, {window.days_and_hours} ({places})"


class DateInput(forms.DateInput):
    input_type = "date"


def telephone_number(raw: str) -> str:
    """A UK-looking telephone number, trimmed; the GOV.UK message otherwise."""
    phone = raw.strip()
    if not PHONE.match(phone) or not 10 <= sum(c.isdigit() for c in phone) <= 15:
        raise forms.ValidationError("Enter a telephone number, like 01642 123456 or 07700 900982")
    return phone


def _date_field(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput,
        help_text=help_text,
        error_messages={"invalid": f"Enter a real date for the {label.lower()}, like 2027-03-01"},
    )


class PlacementRequestForm(forms.Form):
    """A school's, college's or home-education coordinator's request for places. It asks only
    for the adult's contact details and counts: no pupil names or other details about pupils.
    For an encounter at the school (a talk, mock interviews), it also asks for the range of dates
    the school can do, within the host's window; the host accepts with one of them."""

    window = forms.TypedChoiceField(
        label="Which dates do you want?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the dates you want",
            "invalid_choice": "Select dates from the list",
        },
    )
    setting = forms.ModelChoiceField(
        label="What kind of setting are the young people from?",
        queryset=Setting.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the kind of setting the young people are from",
            "invalid_choice": "Select a kind of setting from the list",
        },
    )
    school = forms.ModelChoiceField(
        label="Your school or college",
        queryset=School.objects.filter(is_open=True).exclude(phase=School.Phase.PRIMARY),
        required=False,
        empty_label="Not on the list, or home education",
        error_messages={"invalid_choice": "Select your school or college from the list"},
    )
    organisation_name = forms.CharField(
        label="Name of your organisation or group",
        required=False,
        max_length=150,
        help_text="Only if your school or college is not on the list, or for home education (for example, "
        "“Stockton home-education network”). Do not give a family's name.",
        error_messages={"max_length": "The name of your organisation must be 150 characters or fewer"},
    )
    contact_name = forms.CharField(
        label="Your name",
        max_length=100,
        help_text="The adult the host team should contact.",
        error_messages={
            "required": "Enter your name",
            "max_length": "Your name must be 100 characters or fewer",
        },
    )
    contact_email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="We send the link to follow your request here.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": "Your email address must be 254 characters or fewer",
        },
    )
    contact_phone = forms.CharField(
        label="Your telephone number",
        max_length=20,
        error_messages={
            "required": "Enter a telephone number",
            "max_length": "Enter a telephone number, like 01642 123456 or 07700 900982",
        },
    )
    young_people = forms.IntegerField(
        label="How many young people need a place?",
        min_value=1,
        max_value=30,
        help_text="The number only. Do not give their names.",
        error_messages={
            "required": "Enter how many young people need a place",
            "invalid": "The number of young people must be a whole number, like 2",
            "min_value": "The number of young people must be 1 or more",
            "max_value": "The number of young people must be 30 or fewer",
        },
    )
    year_groups = forms.MultipleChoiceField(
        label="Which year groups are they in?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the year groups of the young people",
            "invalid_choice": "Select year groups from the list",
        },
    )
    preferred_from = _date_field("Earliest date", "The first day that suits the school.")
    preferred_to = _date_field(
        "Latest date", "The last day that suits the school. The host picks one day between the two."
    )
    adjustments_needed = forms.CharField(
        label="Adjustments the young people need",
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text="Describe what helps, not who needs it: for example “a quiet space at lunchtime” or "
        "“a job coach will come too”. Do not include names or medical details.",
        error_messages={"max_length": "Adjustments must be 1000 characters or fewer"},
    )

    def __init__(self, *args: Any, page: PlacementPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        self.windows = {window.pk: window for window in page.open_capacities()}
        self.fields["window"].choices = [(pk, window_label(w)) for pk, w in self.windows.items()]
        self.fields["setting"].queryset = page.settings.all()
        add_submission_field(self)
        key_stages = {ks.code for ks in page.key_stages.all()}
        self.fields["year_groups"].choices = [
            (code, label) for code, label, ks in YEAR_GROUPS if ks in key_stages
        ]
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_email"].widget.attrs.update(
            autocomplete="email", govuk_width="govuk-input--width-30"
        )
        self.fields["contact_phone"].widget.attrs.update(
            autocomplete="tel", govuk_width="govuk-input--width-20"
        )
        self.fields["young_people"].widget.attrs["govuk_width"] = "govuk-input--width-3"
        if page.at_school:
            self.fields["window"].label = "When could the host come?"
            # A new field, not a changed one: validators are shared between form instances.
            self.fields["young_people"] = forms.IntegerField(
                label="How many pupils will take part?",
                min_value=1,
                max_value=MAX_PUPILS_AT_SCHOOL,
                help_text="The number only. Do not give their names.",
                error_messages={
                    **self.fields["young_people"].error_messages,
                    "max_value": f"The number of pupils must be {MAX_PUPILS_AT_SCHOOL} or fewer",
                },
                widget=forms.NumberInput(attrs={"govuk_width": "govuk-input--width-3"}),
            )
        else:
            del self.fields["preferred_from"], self.fields["preferred_to"]
        if "KS2" in key_stages:
            self.fields["school"].queryset = School.objects.filter(is_open=True)
        refuse_control_characters(self)

    def clean_contact_phone(self) -> str:
        return telephone_number(self.cleaned_data["contact_phone"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        school, name = data.get("school"), data.get("organisation_name", "").strip()
        if "school" in data and "organisation_name" in data:
            if school is None and not name:
                self.add_error(
                    "school", "Select your school or college, or enter the name of your organisation below"
                )
            elif school is not None and name:
                self.add_error(
                    "organisation_name",
                    "Select your school from the list or enter an organisation name, not both",
                )
        window = self.windows.get(data.get("window"))
        if self.page.at_school:
            self._check_preferred_dates(data, window)
        number = data.get("young_people")
        if window is not None and window.places_left == 0:
            self.add_error("window", "These dates are now full. Select other dates")
        elif window is not None and number and number > window.places_left:
            left = window.places_left
            self.add_error(
                "young_people",
                f"There {'is' if left == 1 else 'are'} only {left} place{'' if left == 1 else 's'} left in "
                f"these dates. Ask for {left} or fewer, or select other dates",
            )
        return data

    def _check_preferred_dates(self, data: dict[str, Any], window: WindowCapacity | None) -> None:
        first, last = data.get("preferred_from"), data.get("preferred_to")
        for name, value in (("preferred_from", first), ("preferred_to", last)):
            if value is None and name not in self.errors:
                which = "earliest" if name == "preferred_from" else "latest"
                self.add_error(name, f"Enter the {which} date that suits the school")
        if first is None or last is None:
            return
        if last < first:
            self.add_error("preferred_to", "The latest date must be the same as or after the earliest date")
        elif window is not None and (first > window.end_date or last < window.start_date):
            self.add_error(
                "preferred_from",
                f"Choose dates between {window.start_date:%-d %B %Y} and {window.end_date:%-d %B %Y}, "
                "when the host can come",
            )

    def to_request(self, submission: uuid.UUID | None) -> NewRequest:
        data = self.cleaned_data
        return NewRequest(
            window=self.windows[data["window"]],
            setting=data["setting"],
            school=data["school"],
            organisation_name=data["organisation_name"].strip(),
            contact_name=data["contact_name"].strip(),
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            young_people=data["young_people"],
            year_groups=data["year_groups"],
            adjustments_needed=data["adjustments_needed"].strip(),
            preferred_from=data.get("preferred_from"),
            preferred_to=data.get("preferred_to"),
            submission=submission,
        )


class DecisionForm(forms.Form):
    """The host team's decision on a request, with an optional message to the requester. For an
    encounter at the school, accepting needs the date the host will come, within the school's range."""

    action = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a decision",
            "invalid_choice": "That decision is no longer possible: the request has changed. Check its status.",
        },
    )
    note = forms.CharField(
        label="Message to the requester (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, arrival details or why you could not accept. Do not include pupil names.",
    )

    date = forms.DateField(
        label="The date you will come (when accepting)",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Enter a real date, like 2027-03-01"},
    )

    def __init__(
        self,
        *args: Any,
        status: str,
        dates: tuple[datetime.date, datetime.date] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(name, ACTION_LABELS[name]) for name in allowed_actions(status)]
        self.dates = dates
        if dates is None:
            del self.fields["date"]
        else:
            self.fields[
                "date"
            ].help_text = f"Between {dates[0]:%-d %B %Y} and {dates[1]:%-d %B %Y}, as the school asked."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.dates is not None and data.get("action") == "accept":
            chosen = data.get("date")
            if chosen is None and "date" not in self.errors:
                self.add_error("date", "Enter the date you will come to the school")
            elif chosen is not None and not self.dates[0] <= chosen <= self.dates[1]:
                self.add_error(
                    "date",
                    f"Choose a date between {self.dates[0]:%-d %B %Y} and {self.dates[1]:%-d %B %Y}",
                )
        return data
