"""Admin date fields refuse a date they cannot read, with a message, instead of saving today
(portal/core/dates.py). These drive the real page editor with JavaScript off, as the server sees
it; tests/e2e/test_admin_dates.py types the same dates into the picker in a browser."""

import datetime
import json
import re

import pytest
from django import forms
from wagtail.admin.forms.models import registry
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from events.models import EventPage
from placements.models import AvailabilityWindow
from portal.core.dates import StrictDateField, StrictDateTimeField, StrictTimeField
from tests.events import factories as event_factories
from tests.placements.admin import edit_form_data, publish
from tests.placements.factories import host_team, placement

pytestmark = pytest.mark.django_db

UNREADABLE_DATES = ["31/13/2026", "31/02/2026", "2026-13-31", "next tuesday", "32/01/2027", "27/03"]


@pytest.mark.parametrize("typed", UNREADABLE_DATES)
def test_an_unreadable_date_is_refused_with_the_format(typed):
    with pytest.raises(forms.ValidationError) as refused:
        StrictDateField().clean(typed)
    assert refused.value.messages == ["Enter a real date as dd/mm/yyyy, for example 27/03/2027."]


@pytest.mark.parametrize("typed", ["27/03/2027", "27/3/2027", "2027-03-27", " 27/03/2027 "])
def test_the_admins_format_and_iso_dates_are_read(typed):
    assert StrictDateField().clean(typed) == datetime.date(2027, 3, 27)


def test_date_and_time_and_time_fields_refuse_the_unreadable_too():
    with pytest.raises(forms.ValidationError) as refused:
        StrictDateTimeField().clean("31/13/2026 10:00")
    assert refused.value.messages == [
        "Enter a real date and time as dd/mm/yyyy hh:mm, for example 27/03/2027 14:30."
    ]
    assert StrictDateTimeField().clean("27/03/2027 14:30").hour == 14
    with pytest.raises(forms.ValidationError):
        StrictTimeField().clean("25:61")


def test_every_admin_date_field_gets_the_strict_field_and_a_hint():
    field = AvailabilityWindow._meta.get_field("start_date")
    assert registry.get(field)["form_class"] is StrictDateField
    form_field = field.formfield(**registry.get(field))
    assert form_field.help_text == "Type it as dd/mm/yyyy, for example 27/03/2027."
    start = EventPage._meta.get_field("start")
    event_field = start.formfield(**registry.get(start))
    assert isinstance(event_field, StrictDateTimeField)
    assert event_field.help_text.startswith("UK time (GMT or BST") and event_field.help_text.endswith(
        "Type it as dd/mm/yyyy hh:mm, for example 27/03/2027 14:30."
    )


@pytest.fixture
def listing(home):
    return placement(host_team(home, "highways"))


def test_the_picker_is_told_to_keep_what_was_typed(admin_client, listing):
    html = admin_client.get(f"/admin/pages/{listing.pk}/edit/").content.decode()
    configs = re.findall(r'initDateChooser\("[^"]*", (\{.*?\})\);', html)
    assert len(configs) >= 2  # the window's start and end dates (and the empty form for a new window)
    assert all(json.loads(config)["validateOnBlur"] is False for config in configs)


def test_a_window_typed_as_31_13_2026_is_refused_not_saved_as_today(admin_client, listing):
    window = listing.windows.get()
    data = edit_form_data(admin_client, listing.pk)
    data["windows-0-start_date"] = "31/13/2026"
    response = publish(admin_client, listing.pk, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a real date as dd/mm/yyyy, for example 27/03/2027." in html
    assert 'value="31/13/2026"' in html  # what was typed comes back to be corrected
    window.refresh_from_db()
    assert window.start_date != datetime.date.today()
    assert listing.get_latest_revision().as_object().windows.get().start_date == window.start_date


def test_an_event_start_typed_wrongly_is_refused(admin_client, home):
    start = event_factories.london(2027, 3, 27, 10, 0)
    page = event_factories.event(event_factories.event_index(home), start=start)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data["start"] = "31/13/2026 10:00"
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "Enter a real date and time as dd/mm/yyyy hh:mm" in response.content.decode()
    page.refresh_from_db()
    assert page.start == start
